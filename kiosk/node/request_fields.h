// Reading a request's JSON body and query parameters strictly: a missing
// field, a wrong type or an out-of-range value is a BadRequest naming the
// field, which the server answers with 400 and a JSON error. The readers are
// shared with hq and live in shared/codec/api_json.h.
#pragma once

#include "codec/api_json.h"

namespace kiosk::node {
using kiosk::BadRequest;
using kiosk::JsonBody;
using kiosk::query_integer;
}  // namespace kiosk::node
