// Mapping domain errors to HTTP statuses and the JSON error body.
#include "node/api_error.h"

#include <nlohmann/json.hpp>

namespace kiosk::node {

ApiError api_error_from(const Error& error) {
  const std::string& code = error.code;
  if (code == "wrong-pin" || code == "invalid-token" || code == "expired-token") return {401, code, error.message, {}};
  if (code == "wrong-counter") return {403, code, error.message, {}};
  if (code == "locked-out") return {429, code, error.message, {}};
  if (code == "unknown-ticket" || code == "unknown-counter") return {404, code, error.message, {}};
  switch (error.kind) {
    case ErrorKind::InvalidArgument: return {400, code.empty() ? "invalid-argument" : code, error.message, {}};
    case ErrorKind::Refused: return {409, code.empty() ? "refused" : code, error.message, {}};
    case ErrorKind::Storage: return {503, "storage", error.message, 1};
    case ErrorKind::Unavailable: return {503, code.empty() ? "unavailable" : code, error.message, 1};
  }
  return {500, "internal", error.message, {}};
}

std::string error_body(const ApiError& error) {
  const nlohmann::ordered_json body{{"error", {{"code", error.code}, {"message", error.message}}}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kiosk::node
