// Strict readers for request bodies and query parameters, the error body, and
// --listen ADDR:PORT.
#include "codec/api_json.h"

#include <algorithm>
#include <cctype>

namespace kiosk {

// [SECTION] JsonBody

JsonBody::JsonBody(const std::string& body) {
  if (body.empty()) {
    owned_ = nlohmann::json::object();
    return;
  }
  owned_ = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (owned_.is_discarded()) throw BadRequest("bad-json", "the body is not valid JSON");
  if (!owned_.is_object()) throw BadRequest("bad-json", "the body must be a JSON object");
}

JsonBody::JsonBody(const nlohmann::json& object, std::string where) : json_(&object), where_(std::move(where)) {
  if (!object.is_object()) throw BadRequest("bad-field", where_ + " must be a JSON object");
}

BadRequest missing_field_error(const std::string& where, const char* field) {
  return BadRequest("missing-field", "field \"" + where + field + "\" is required");
}

BadRequest bad_field_error(const std::string& where, const char* field, const std::string& expected) {
  return BadRequest("bad-field", "field \"" + where + field + "\" must be " + expected);
}

std::string integer_range_text(std::int64_t min, std::int64_t max) {
  return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::string text_limit_text(std::size_t max_bytes) { return "at most " + std::to_string(max_bytes) + " bytes long"; }

BadRequest JsonBody::bad_field(const char* field, const std::string& expected) const {
  return bad_field_error(where_, field, expected);
}

std::string JsonBody::bounded_text(const nlohmann::json& value, const char* field, std::size_t max_bytes) const {
  if (!value.is_string()) throw bad_field(field, "a string");
  const std::string& text = value.get_ref<const std::string&>();
  if (text.size() > max_bytes) throw bad_field(field, text_limit_text(max_bytes));
  return text;
}

const nlohmann::json& JsonBody::required(const char* field) const {
  const auto found = json_->find(field);
  if (found == json_->end()) throw missing_field_error(where_, field);
  return *found;
}

std::string JsonBody::text(const char* field, std::size_t max_bytes) const {
  return bounded_text(required(field), field, max_bytes);
}

std::int64_t JsonBody::integer(const char* field, std::int64_t min, std::int64_t max) const {
  const nlohmann::json& value = required(field);
  const std::string expected = integer_range_text(min, max);
  if (!value.is_number_integer()) throw bad_field(field, expected);
  if (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(max)) throw bad_field(field, expected);
  const std::int64_t number = value.get<std::int64_t>();
  if (number < min || number > max) throw bad_field(field, expected);
  return number;
}

std::vector<std::string> JsonBody::texts(const char* field, std::size_t max_items, std::size_t max_bytes) const {
  const nlohmann::json& value = required(field);
  if (!value.is_array() || value.size() > max_items)
    throw bad_field(field, "an array of at most " + std::to_string(max_items) + " strings");
  std::vector<std::string> items;
  for (const nlohmann::json& item : value) items.push_back(bounded_text(item, field, max_bytes));
  return items;
}

std::int64_t query_integer(const std::optional<std::string>& value, const char* name, std::int64_t min,
                           std::int64_t max, std::int64_t fallback) {
  if (!value) return fallback;
  const std::string expected = std::string("query parameter \"") + name + "\" must be an integer from " +
                               std::to_string(min) + " to " + std::to_string(max);
  if (value->empty() || value->size() > 18 ||
      !std::all_of(value->begin(), value->end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw BadRequest("bad-query", expected);
  const std::int64_t number = std::stoll(*value);
  if (number < min || number > max) throw BadRequest("bad-query", expected);
  return number;
}

// [SECTION] Errors

std::string error_body(const ApiError& error) {
  const nlohmann::ordered_json body{{"error", {{"code", error.code}, {"message", error.message}}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// [SECTION] Listen address

Result<ListenAddress> parse_listen_address(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  const auto bad = [&] {
    return invalid_argument("--listen must be ADDR:PORT, e.g. 127.0.0.1:8700 (got \"" + text + "\")");
  };
  if (colon == std::string::npos || colon == 0) return bad();
  const std::string host = text.substr(0, colon), port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); }))
    return bad();
  const int number = std::stoi(port);
  if (number > 65535) return bad();
  return ListenAddress{host, number};
}

}  // namespace kiosk
