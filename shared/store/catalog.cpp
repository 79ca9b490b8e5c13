// Catalogue parsing (strict: unknown keys, wrong types and out-of-range values
// are errors naming the line) and storage.
#include "store/catalog.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/text.h"

namespace kiosk {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxNameChars = 40;
constexpr int kMaxMinutes = 480;
const std::set<std::string> kKnownKeys{"code", "zh", "en", "priority", "wait_target_min", "typical_service_min"};

std::optional<std::string> check_minutes(const json& line, const char* key, int* out) {
  if (!line.contains(key)) return std::nullopt;  // default applies
  const json& value = line[key];
  if (!value.is_number_integer()) return std::string(key) + " must be a whole number of minutes";
  const auto minutes = value.get<long long>();
  if (minutes < 1 || minutes > kMaxMinutes)
    return std::string(key) + " must be between 1 and " + std::to_string(kMaxMinutes);
  *out = static_cast<int>(minutes);
  return std::nullopt;
}

// Validates one parsed line into a Service, or returns the problem.
std::optional<std::string> service_from(const json& line, Service* service) {
  if (!line.is_object())
    return "expected a JSON object such as {\"code\":\"A\",\"zh\":\"咨询\",\"en\":\"Consultation\"}";
  for (const auto& [key, value] : line.items())
    if (!kKnownKeys.count(key)) return "unknown key \"" + key + "\"";
  for (const char* key : {"code", "zh", "en"})
    if (!line.contains(key) || !line[key].is_string()) return std::string(key) + " is missing or not a string";

  service->code = line["code"].get<std::string>();
  if (service->code.size() != 1 || service->code[0] < 'A' || service->code[0] > 'Z')
    return "code must be one capital letter A-Z, got \"" + service->code + "\"";
  service->name_zh = line["zh"].get<std::string>();
  service->name_en = line["en"].get<std::string>();
  if (auto problem = check_single_line("zh", service->name_zh, kMaxNameChars)) return problem;
  if (auto problem = check_single_line("en", service->name_en, kMaxNameChars)) return problem;

  if (line.contains("priority")) {
    if (!line["priority"].is_boolean()) return "priority must be true or false";
    service->priority_allowed = line["priority"].get<bool>();
  }
  if (auto problem = check_minutes(line, "wait_target_min", &service->wait_target_min)) return problem;
  if (auto problem = check_minutes(line, "typical_service_min", &service->typical_service_min)) return problem;
  return std::nullopt;
}

}  // namespace

Result<std::vector<Service>> parse_catalog(const std::string& text, const std::string& source) {
  std::vector<Service> services;
  std::set<std::string> codes;
  std::istringstream lines(text);
  std::string raw;
  for (int line_number = 1; std::getline(lines, raw); ++line_number) {
    const std::string where = source + " line " + std::to_string(line_number) + ": ";
    const auto first = raw.find_first_not_of(" \t\r");
    if (first == std::string::npos || raw[first] == '#') continue;
    const json line = json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (line.is_discarded()) return invalid_argument(where + "not valid JSON");
    Service service;
    service.sort_order = static_cast<int>(services.size());
    if (auto problem = service_from(line, &service)) return invalid_argument(where + *problem);
    if (!codes.insert(service.code).second) return invalid_argument(where + "code " + service.code + " appears twice");
    services.push_back(std::move(service));
  }
  if (services.empty()) return invalid_argument(source + ": no services (expected one JSON object per line)");
  return services;
}

Result<std::vector<Service>> read_catalog_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return invalid_argument("cannot read catalogue file " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return parse_catalog(text.str(), path);
}

void store_catalog(Database& db, const std::vector<Service>& services) {
  db.prepare("UPDATE service SET active = 0").run();
  Statement& upsert = db.prepare(
      "INSERT INTO service(code, name_zh, name_en, priority_allowed, wait_target_min, typical_service_min, sort_order, "
      "active) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1) "
      "ON CONFLICT(code) DO UPDATE SET name_zh = ?2, name_en = ?3, priority_allowed = ?4, wait_target_min = ?5, "
      "typical_service_min = ?6, sort_order = ?7, active = 1");
  for (const Service& s : services) {
    upsert.bind(1, s.code).bind(2, s.name_zh).bind(3, s.name_en).bind(4, s.priority_allowed ? 1 : 0);
    upsert.bind(5, s.wait_target_min).bind(6, s.typical_service_min).bind(7, s.sort_order);
    upsert.run();
  }
}

std::vector<Service> load_active_services(Database& db) {
  Statement& q = db.prepare(
      "SELECT code, name_zh, name_en, priority_allowed, wait_target_min, typical_service_min, sort_order "
      "FROM service WHERE active = 1 ORDER BY sort_order, code");
  std::vector<Service> services;
  while (q.step()) {
    services.push_back(Service{q.text(0), q.text(1), q.text(2), q.int64(3) != 0, q.int32(4), q.int32(5), q.int32(6)});
  }
  q.reset();
  return services;
}

}  // namespace kiosk
