// The generic parts of this project's HTTP JSON APIs (the store node's LAN API
// and HQ's sync API): reading a request's JSON body and query parameters
// strictly, the JSON error body {"error": {"code", "message"}}, and the
// ADDR:PORT a server listens on. No HTTP library here: servers map these to
// their own responses.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/result.h"

namespace kiosk {

// [SECTION] Request bodies and query parameters

// A request that is wrong in itself: answered 400 with this code and message.
class BadRequest : public std::runtime_error {
 public:
  BadRequest(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// The wording of field errors, shared by every strict JSON reader (JsonBody
// below, HQ's upload reader): `where` prefixes the field ("records[3].").
BadRequest missing_field_error(const std::string& where, const char* field);
BadRequest bad_field_error(const std::string& where, const char* field, const std::string& expected);
std::string integer_range_text(std::int64_t min, std::int64_t max);  // "an integer from MIN to MAX"
std::string text_limit_text(std::size_t max_bytes);                  // "at most N bytes long"

// A missing field, a wrong type or an out-of-range value is a BadRequest naming the field.
class JsonBody {
 public:
  // The body must be one JSON object; an empty body counts as {}.
  explicit JsonBody(const std::string& body);
  // A view of an already parsed object (a record inside a body), which must
  // outlive this reader; `where` prefixes field names in messages.
  JsonBody(const nlohmann::json& object, std::string where);
  JsonBody(nlohmann::json&&, std::string) = delete;  // a view of a temporary would dangle
  JsonBody(const JsonBody&) = delete;
  JsonBody& operator=(const JsonBody&) = delete;

  std::string text(const char* field, std::size_t max_bytes) const;
  std::int64_t integer(const char* field, std::int64_t min, std::int64_t max) const;
  std::vector<std::string> texts(const char* field, std::size_t max_items, std::size_t max_bytes) const;
  bool has(const char* field) const { return json_->contains(field); }
  const nlohmann::json& json() const { return *json_; }

 private:
  const nlohmann::json& required(const char* field) const;
  BadRequest bad_field(const char* field, const std::string& expected) const;
  std::string bounded_text(const nlohmann::json& value, const char* field, std::size_t max_bytes) const;
  nlohmann::json owned_;  // a parsed body; a view reads someone else's
  const nlohmann::json* json_ = &owned_;
  std::string where_;
};

// A query parameter of digits within [min, max]; `fallback` when absent.
std::int64_t query_integer(const std::optional<std::string>& value, const char* name, std::int64_t min,
                           std::int64_t max, std::int64_t fallback);

// [SECTION] Errors

struct ApiError {
  int status = 500;
  std::string code;
  std::string message;
  std::optional<int> retry_after_s;
};

// The JSON body of an error (invalid UTF-8 from a request is replaced, never thrown on).
std::string error_body(const ApiError& error);

// [SECTION] Listen address

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8700;  // 0: any free port (tests)
};

// "127.0.0.1:8700", "0.0.0.0:8700"; the port 0-65535.
Result<ListenAddress> parse_listen_address(const std::string& text);

}  // namespace kiosk
