// What kioskctl prints of a sync round's requests to HQ, the store's (`sync`)
// and the tablet's (`tablet sync`) alike: how many, the bytes both ways
// (bodies, and on the wire with headers) and the clock difference measured.
#pragma once

#include <nlohmann/json.hpp>

#include "sync/hq_caller.h"

namespace kiosk::ctl {

inline nlohmann::ordered_json hq_calls_json(const HqCalls& calls) {
  return nlohmann::ordered_json{
      {"requests", calls.requests},
      {"bytes_sent", calls.bytes_sent},
      {"bytes_received", calls.bytes_received},
      {"wire_bytes", calls.wire_bytes},
      {"clock_offset_ms", calls.clock_offset_ms ? nlohmann::ordered_json(*calls.clock_offset_ms) : nullptr}};
}

}  // namespace kiosk::ctl
