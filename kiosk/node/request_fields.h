// Reading a request's JSON body and query parameters strictly: a missing
// field, a wrong type or an out-of-range value is a BadRequest naming the
// field, which the server answers with 400 and a JSON error.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk::node {

class BadRequest : public std::runtime_error {
 public:
  BadRequest(std::string code, const std::string& message) : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

class JsonBody {
 public:
  // The body must be one JSON object; an empty body counts as {}.
  explicit JsonBody(const std::string& body);

  std::string text(const char* field, std::size_t max_bytes) const;
  std::int64_t integer(const char* field, std::int64_t min, std::int64_t max) const;
  std::vector<std::string> texts(const char* field, std::size_t max_items, std::size_t max_bytes) const;

 private:
  const nlohmann::json& required(const char* field) const;
  nlohmann::json json_;
};

// A query parameter of digits within [min, max]; `fallback` when absent.
std::int64_t query_integer(const std::optional<std::string>& value, const char* name, std::int64_t min,
                           std::int64_t max, std::int64_t fallback);

}  // namespace kiosk::node
