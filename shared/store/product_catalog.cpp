// Product catalogue parsing (strict, errors name the line) and storage.
#include "store/product_catalog.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/comma_list.h"
#include "core/text.h"

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxNameChars = 40;
constexpr std::size_t kMaxCodeChars = 32;

std::optional<std::string> check_code(const std::string& what, const std::string& code) {
  if (code.empty() || code.size() > kMaxCodeChars) return what + " code must be 1 to 32 characters";
  for (char c : code)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return what + " code \"" + code + "\" may hold only a-z, 0-9 and '-'";
  return std::nullopt;
}

// The common part of both line kinds: the code under `key`, zh and en names.
std::optional<std::string> names_from(const json& line, const char* key, const std::set<std::string>& allowed,
                                      std::string* code, std::string* zh, std::string* en) {
  for (const auto& [k, value] : line.items())
    if (!allowed.count(k)) return "unknown key \"" + k + "\"";
  for (const char* k : {key, "zh", "en"})
    if (!line.contains(k) || !line[k].is_string()) return std::string(k) + " is missing or not a string";
  *code = line[key].get<std::string>();
  *zh = line["zh"].get<std::string>();
  *en = line["en"].get<std::string>();
  if (auto problem = check_code(key, *code)) return problem;
  if (auto problem = check_single_line("zh", *zh, kMaxNameChars)) return problem;
  return check_single_line("en", *en, kMaxNameChars);
}

// "kinds": the kinds of request a problem is offered for (default ["repair"]).
std::optional<std::string> kinds_from(const json& line, ProblemCategory* p) {
  if (!line.contains("kinds")) return std::nullopt;
  const json& kinds = line["kinds"];
  if (!kinds.is_array() || kinds.empty()) return "kinds must be a non-empty list of \"repair\" and \"installation\"";
  p->for_repair = p->for_installation = false;
  for (const json& kind : kinds) {
    const std::optional<RequestKind> k = kind.is_string() ? request_kind_from(kind.get<std::string>()) : std::nullopt;
    if (!k) return "kinds may hold only \"repair\" and \"installation\"";
    (*k == RequestKind::Repair ? p->for_repair : p->for_installation) = true;
  }
  return std::nullopt;
}

// Stored as "repair", "installation" or "repair,installation".
std::string kinds_text(const ProblemCategory& p) {
  std::vector<std::string> kinds;
  if (p.for_repair) kinds.push_back(to_string(RequestKind::Repair));
  if (p.for_installation) kinds.push_back(to_string(RequestKind::Installation));
  return join_comma_list(kinds);
}

ProblemCategory with_kinds(ProblemCategory p, const std::string& stored) {
  p.for_repair = p.for_installation = false;
  for (const std::string& kind : split_comma_list(stored))
    (request_kind_from(kind) == RequestKind::Installation ? p.for_installation : p.for_repair) = true;
  return p;
}

struct Parser {
  std::map<std::string, ProblemCategory> problems;
  std::vector<ProductCategory> products;
  std::set<std::string> product_codes;

  std::optional<std::string> problem_line(const json& line) {
    ProblemCategory p;
    if (auto problem = names_from(line, "problem", {"problem", "zh", "en", "kinds"}, &p.code, &p.name_zh, &p.name_en))
      return problem;
    if (auto problem = kinds_from(line, &p)) return problem;
    if (!problems.emplace(p.code, p).second) return "problem " + p.code + " appears twice";
    return std::nullopt;
  }

  std::optional<std::string> product_line(const json& line) {
    ProductCategory p;
    if (auto problem =
            names_from(line, "product", {"product", "zh", "en", "problems"}, &p.code, &p.name_zh, &p.name_en))
      return problem;
    if (!product_codes.insert(p.code).second) return "product " + p.code + " appears twice";
    if (!line.contains("problems") || !line["problems"].is_array() || line["problems"].empty())
      return "problems must be a non-empty list of problem codes";
    std::set<std::string> listed;
    for (const json& item : line["problems"]) {
      if (!item.is_string()) return "problems must be a list of strings";
      const auto found = problems.find(item.get<std::string>());
      if (found == problems.end())
        return "problem \"" + item.get<std::string>() + "\" is not defined on an earlier line";
      if (!listed.insert(found->first).second) return "problem " + found->first + " is listed twice";
      p.problems.push_back(found->second);
    }
    products.push_back(std::move(p));
    return std::nullopt;
  }
};

}  // namespace

Result<std::vector<ProductCategory>> parse_product_catalog(const std::string& text, const std::string& source) {
  Parser parser;
  std::istringstream lines(text);
  std::string raw;
  for (int line_number = 1; std::getline(lines, raw); ++line_number) {
    const std::string where = source + " line " + std::to_string(line_number) + ": ";
    const auto first = raw.find_first_not_of(" \t\r");
    if (first == std::string::npos || raw[first] == '#') continue;
    const json line = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (line.is_discarded()) return invalid_argument(where + "not valid JSON");
    std::optional<std::string> problem;
    if (line.is_object() && line.contains("problem"))
      problem = parser.problem_line(line);
    else if (line.is_object() && line.contains("product"))
      problem = parser.product_line(line);
    else
      problem = "expected a {\"problem\": ...} or {\"product\": ...} object";
    if (problem) return invalid_argument(where + *problem);
  }
  if (parser.products.empty()) return invalid_argument(source + ": no products (expected one JSON object per line)");
  return std::move(parser.products);
}

Result<std::string> read_product_catalog_text(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return invalid_argument("cannot read product catalogue file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

Result<std::vector<ProductCategory>> read_product_catalog_file(const std::string& path) {
  Result<std::string> text = read_product_catalog_text(path);
  if (!text) return text.error();
  return parse_product_catalog(text.value(), path);
}

void store_product_catalog(Database& db, const std::vector<ProductCategory>& products) {
  db.prepare("UPDATE product_category SET active = 0").run();
  db.prepare("UPDATE problem_category SET active = 0").run();
  db.prepare("DELETE FROM product_problem").run();
  Statement& product = db.prepare(
      "INSERT INTO product_category(code, name_zh, name_en, sort_order, active) VALUES (?1, ?2, ?3, ?4, 1) "
      "ON CONFLICT(code) DO UPDATE SET name_zh = ?2, name_en = ?3, sort_order = ?4, active = 1");
  Statement& problem = db.prepare(
      "INSERT INTO problem_category(code, name_zh, name_en, kinds, active) VALUES (?1, ?2, ?3, ?4, 1) "
      "ON CONFLICT(code) DO UPDATE SET name_zh = ?2, name_en = ?3, kinds = ?4, active = 1");
  Statement& link = db.prepare("INSERT INTO product_problem(product, problem, sort_order) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < products.size(); ++i) {
    const ProductCategory& p = products[i];
    product.bind(1, p.code).bind(2, p.name_zh).bind(3, p.name_en).bind(4, static_cast<std::int64_t>(i)).run();
    for (std::size_t j = 0; j < p.problems.size(); ++j) {
      const ProblemCategory& q = p.problems[j];
      problem.bind(1, q.code).bind(2, q.name_zh).bind(3, q.name_en).bind(4, kinds_text(q)).run();
      link.bind(1, p.code).bind(2, q.code).bind(3, static_cast<std::int64_t>(j)).run();
    }
  }
}

std::vector<ProductCategory> load_product_catalog(Database& db) {
  Statement& q = db.prepare(
      "SELECT p.code, p.name_zh, p.name_en, q.code, q.name_zh, q.name_en, q.kinds FROM product_category p "
      "JOIN product_problem l ON l.product = p.code JOIN problem_category q ON q.code = l.problem "
      "WHERE p.active = 1 ORDER BY p.sort_order, p.code, l.sort_order");
  std::vector<ProductCategory> products;
  while (q.step()) {
    if (products.empty() || products.back().code != q.text(0))
      products.push_back({q.text(0), q.text(1), q.text(2), {}});
    products.back().problems.push_back(with_kinds({q.text(3), q.text(4), q.text(5)}, q.text(6)));
  }
  q.reset();
  return products;
}

}  // namespace kiosk
