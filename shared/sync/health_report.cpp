// The health report's JSON: written compact and ASCII-only (it is an HTTP
// header value), read strictly with the sync API's field readers.
#include "sync/health_report.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "codec/api_json.h"

namespace kiosk {
namespace {

using json = nlohmann::ordered_json;

constexpr std::int64_t kMaxCount = std::int64_t(1) << 53;  // exact in every JSON reader
constexpr std::size_t kMaxVersionBytes = 32;

// At most `max_bytes` of `text`, never ending inside a UTF-8 sequence.
std::string cut(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

json optional_number(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

// Null, or an integer in [0, kMaxCount].
std::optional<std::int64_t> optional_integer(const JsonBody& body, const char* field) {
  if (!body.has(field) || body.json()[field].is_null()) return std::nullopt;
  return body.integer(field, 0, kMaxCount);
}

PrinterStatus printer_from(const JsonBody& printer) {
  PrinterStatus status;
  const std::string state = printer.text("state", 32);
  const std::optional<PrinterState> known = parse_printer_state(state);
  if (!known) throw BadRequest("bad-field", "field \"printer.state\" is no printer state (got \"" + state + "\")");
  status.state = *known;
  status.message = printer.text("message", kHealthTextBytes);
  status.checked_at = printer.integer("checked_at", 0, kMaxCount);
  return status;
}

// The report with its texts cut to `text_bytes`.
std::string encode_with_texts(const HealthReport& report, std::size_t text_bytes) {
  json printer = nullptr;
  if (report.printer)
    printer = json{{"state", printer_state_name(report.printer->state)},
                   {"message", cut(report.printer->message, text_bytes)},
                   {"checked_at", report.printer->checked_at}};
  const json body{{"version", cut(report.version, kMaxVersionBytes)},
                  {"started_at", optional_number(report.started_at)},
                  {"printer", std::move(printer)},
                  {"pending", report.pending},
                  {"oldest_pending_s", optional_number(report.oldest_pending_s)},
                  {"db_bytes", report.database_bytes},
                  {"disk_free", report.disk_free_bytes},
                  {"disk_total", report.disk_total_bytes},
                  {"integrity", cut(report.integrity, std::max<std::size_t>(text_bytes, 2))},
                  {"at", report.at}};
  return body.dump(-1, ' ', /*ensure_ascii=*/true, nlohmann::json::error_handler_t::replace);
}

}  // namespace

// Escaped texts grow up to six times (control characters as \u00XX): cut
// shorter until the report fits HQ's limit.
std::string encode_health(const HealthReport& report) {
  std::string encoded;
  for (std::size_t text_bytes = kHealthTextBytes;; text_bytes /= 4) {
    encoded = encode_with_texts(report, text_bytes);
    if (encoded.size() <= kMaxHealthHeaderBytes || text_bytes == 0) return encoded;
  }
}

Result<HealthReport> decode_health(const std::string& text) {
  if (text.size() > kMaxHealthHeaderBytes)
    return invalid_argument("the health report is " + std::to_string(text.size()) + " bytes, over the limit of " +
                                std::to_string(kMaxHealthHeaderBytes),
                            "too-large");
  try {
    const JsonBody body(text.empty() ? std::string("null") : text);
    HealthReport report;
    report.version = body.text("version", kMaxVersionBytes);
    report.started_at = optional_integer(body, "started_at");
    if (!body.has("printer")) throw BadRequest("missing-field", "field \"printer\" is required");
    if (!body.json()["printer"].is_null()) report.printer = printer_from(JsonBody(body.json()["printer"], "printer."));
    report.pending = body.integer("pending", 0, kMaxCount);
    report.oldest_pending_s = optional_integer(body, "oldest_pending_s");
    report.database_bytes = body.integer("db_bytes", 0, kMaxCount);
    report.disk_free_bytes = body.integer("disk_free", 0, kMaxCount);
    report.disk_total_bytes = body.integer("disk_total", 0, kMaxCount);
    if (report.disk_free_bytes > report.disk_total_bytes)
      throw BadRequest("bad-field", "field \"disk_free\" must not exceed \"disk_total\"");
    report.integrity = body.text("integrity", kHealthTextBytes);
    if (report.integrity.empty()) throw BadRequest("bad-field", "field \"integrity\" must not be empty");
    report.at = body.integer("at", 0, kMaxCount);
    return report;
  } catch (const BadRequest& e) {
    return invalid_argument(std::string("bad health report: ") + e.what(), e.code());
  }
}

}  // namespace kiosk
