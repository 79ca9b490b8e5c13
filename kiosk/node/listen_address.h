// Where the store node listens: "ADDR:PORT" as given to --listen (shared with
// hq: shared/codec/api_json.h).
#pragma once

#include "codec/api_json.h"

namespace kiosk::node {
using kiosk::ListenAddress;
using kiosk::parse_listen_address;
}  // namespace kiosk::node
