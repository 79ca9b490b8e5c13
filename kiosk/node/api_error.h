// The store node's errors as HTTP: a status, a stable code, an English
// message and, where waiting helps, Retry-After. Every error body is
// {"error": {"code": "...", "message": "..."}}.
#pragma once

#include "codec/api_json.h"
#include "core/result.h"

namespace kiosk::node {

// The status/code/message triple and its JSON body are shared with hq.
using kiosk::ApiError;
using kiosk::error_body;

// Domain errors: invalid input 400 (an unknown id 404), refused by a rule 409,
// authentication 401, a session used for another counter or another
// technician's job 403, a locked
// account 429, storage busy or failing 503.
ApiError api_error_from(const Error& error);

}  // namespace kiosk::node
