// Mapping domain errors to HTTP statuses.
#include "node/api_error.h"

namespace kiosk::node {

ApiError api_error_from(const Error& error) {
  const std::string& code = error.code;
  if (code == "wrong-pin" || code == "invalid-token" || code == "expired-token") return {401, code, error.message, {}};
  if (code == "wrong-counter" || code == "not-assignee" || code == "not-a-technician")
    return {403, code, error.message, {}};
  if (code == "locked-out") return {429, code, error.message, {}};
  if (code == "unknown-ticket" || code == "unknown-counter" || code == "unknown-request")
    return {404, code, error.message, {}};
  switch (error.kind) {
    case ErrorKind::InvalidArgument:
      return {400, code.empty() ? "invalid-argument" : code, error.message, {}};
    case ErrorKind::Refused:
      return {409, code.empty() ? "refused" : code, error.message, {}};
    case ErrorKind::Storage:
      return {503, "storage", error.message, 1};
    case ErrorKind::Unavailable:
      return {503, code.empty() ? "unavailable" : code, error.message, 1};
  }
  return {500, "internal", error.message, {}};
}

}  // namespace kiosk::node
