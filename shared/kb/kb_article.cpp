// Reads, checks and writes help articles (kb_article.h).
#include "kb/kb_article.h"

#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include "requests/request_text.h"

namespace kiosk {
namespace {

using nlohmann::json;

Error bad(const std::string& message) { return invalid_argument(message, "bad-article"); }

bool is_article_id(const std::string& id) {
  if (id.empty() || id.size() > 64 || id.front() == '-') return false;
  for (const char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

// The text fields of one language, as request_text checks them.
struct LanguageFields {
  TextField title, answer, step;
};
const LanguageFields kZhFields{{"zh.title", "zh.title", 60, true},
                               {"zh.answer", "zh.answer", 400, true, true},
                               {"zh.steps", "a step of zh.steps", 200, true}};
const LanguageFields kEnFields{{"en.title", "en.title", 60, true},
                               {"en.answer", "en.answer", 400, true, true},
                               {"en.steps", "a step of en.steps", 200, true}};

std::optional<Error> read_string(const json& object, const TextField& field, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return bad(std::string(field.label) + " must be a string");
  out = it->get<std::string>();
  if (auto wrong = check_request_text(field, out)) return bad(wrong->message);
  return std::nullopt;
}

std::optional<Error> read_text(const json& article, const char* language, const LanguageFields& fields, KbText& out) {
  const auto it = article.find(language);
  if (it == article.end() || !it->is_object()) return bad(std::string(language) + " must be an object");
  if (auto wrong = read_string(*it, fields.title, "title", out.title)) return wrong;
  if (auto wrong = read_string(*it, fields.answer, "answer", out.answer)) return wrong;
  const auto steps = it->find("steps");
  if (steps == it->end() || steps->is_null()) return std::nullopt;
  if (!steps->is_array() || steps->size() > 12)
    return bad(std::string(language) + ".steps must be a list of at most 12 steps");
  for (const json& step : *steps) {
    if (!step.is_string()) return bad(std::string(fields.step.label) + " must be a string");
    std::string text = step.get<std::string>();
    if (auto wrong = check_request_text(fields.step, text)) return bad(wrong->message);
    out.steps.push_back(std::move(text));
  }
  return std::nullopt;
}

// Title, answer, steps: in the document's order, as kb_article_json promises.
nlohmann::ordered_json text_json(const KbText& text) {
  return {{"title", text.title}, {"answer", text.answer}, {"steps", text.steps}};
}

}  // namespace

Result<KbArticle> parse_kb_article(const json& object) {
  if (!object.is_object()) return bad("an article must be a JSON object");
  KbArticle article;
  const auto id = object.find("id");
  if (id == object.end() || !id->is_string() || !is_article_id(id->get<std::string>()))
    return bad("id must be 1-64 of a-z, 0-9 and '-', starting with a letter or digit");
  article.id = id->get<std::string>();
  const auto service = object.find("service");
  if (service == object.end() || !service->is_string() || service->get<std::string>().size() != 1 ||
      service->get<std::string>()[0] < 'A' || service->get<std::string>()[0] > 'Z')
    return bad(article.id + ": service must be a service code (one capital letter)");
  article.service = service->get<std::string>();
  const auto product = object.find("product");
  if (product != object.end() && !product->is_null()) {
    if (!product->is_string() || !is_article_id(product->get<std::string>()))
      return bad(article.id + ": product must be a product code or null");
    article.product = product->get<std::string>();
  }
  const auto sort = object.find("sort");
  if (sort != object.end() && !sort->is_null()) {
    if (!sort->is_number_integer() || sort->get<long long>() < 0 || sort->get<long long>() > 9999)
      return bad(article.id + ": sort must be an integer from 0 to 9999");
    article.sort = sort->get<int>();
  }
  const auto active = object.find("active");
  if (active != object.end() && !active->is_null()) {
    if (!active->is_boolean()) return bad(article.id + ": active must be true or false");
    article.active = active->get<bool>();
  }
  for (const auto& [language, fields, text] :
       {std::tuple{"zh", &kZhFields, &article.zh}, std::tuple{"en", &kEnFields, &article.en}}) {
    if (auto wrong = read_text(object, language, *fields, *text)) return bad(article.id + ": " + wrong->message);
  }
  return article;
}

nlohmann::ordered_json kb_article_json(const KbArticle& article) {
  nlohmann::ordered_json out;
  out["id"] = article.id;
  out["service"] = article.service;
  out["product"] = article.product ? nlohmann::ordered_json(*article.product) : nlohmann::ordered_json(nullptr);
  out["sort"] = article.sort;
  out["zh"] = text_json(article.zh);
  out["en"] = text_json(article.en);
  out["active"] = article.active;
  return out;
}

Result<std::vector<KbArticle>> parse_kb_article_lines(const std::string& text) {
  std::vector<KbArticle> articles;
  std::set<std::string> ids;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#') continue;
    const std::string where = "line " + std::to_string(number) + ": ";
    const json object = json::parse(line, nullptr, false);
    if (object.is_discarded()) return bad(where + "not valid JSON");
    Result<KbArticle> article = parse_kb_article(object);
    if (!article) return bad(where + article.error().message);
    if (!ids.insert(article.value().id).second) return bad(where + article.value().id + " appears twice");
    articles.push_back(std::move(article).value());
  }
  return articles;
}

Result<std::vector<KbArticle>> read_kb_article_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return invalid_argument(path + ": cannot be read", "bad-article");
  std::ostringstream text;
  text << in.rdbuf();
  Result<std::vector<KbArticle>> articles = parse_kb_article_lines(text.str());
  if (!articles) return bad(path + ": " + articles.error().message);
  return articles;
}

}  // namespace kiosk
