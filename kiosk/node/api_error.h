// The store node's errors as HTTP: a status, a stable code, an English
// message and, where waiting helps, Retry-After. Every error body is
// {"error": {"code": "...", "message": "..."}}.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace kiosk::node {

struct ApiError {
  int status = 500;
  std::string code;
  std::string message;
  std::optional<int> retry_after_s;
};

// Domain errors: invalid input 400 (an unknown id 404), refused by a rule 409,
// authentication 401, a session used for another counter 403, a locked
// account 429, storage busy or failing 503.
ApiError api_error_from(const Error& error);

// The JSON body of an error (invalid UTF-8 from a request is replaced, never thrown on).
std::string error_body(const ApiError& error);

}  // namespace kiosk::node
