// Domain errors (core/result.h) as HTTP, for the store node's API and HQ's
// console alike: a status, a stable code, an English message and, where
// waiting helps, Retry-After. Every error body is
// {"error": {"code": "...", "message": "..."}} (codec/api_json.h).
#pragma once

#include "codec/api_json.h"
#include "core/result.h"

namespace kiosk {

// Invalid input 400 (an unknown id 404), refused by a rule 409,
// authentication 401, a session used for another counter or another
// technician's job 403, a locked account 429, storage busy or failing 503
// (a full or read-only disk: its code, disk-full or read-only, Retry-After 30).
ApiError api_error_from(const Error& error);

}  // namespace kiosk
