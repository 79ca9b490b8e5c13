// `hq stores`: every store's devices with their latest health report and the
// problems HQ sees in it ("down", "out-of-paper", "paper-low", "behind",
// "integrity", "disk-low"), one JSON line per device.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "hq/device_health.h"

namespace kiosk::hq {

struct HealthThresholds {
  std::chrono::minutes down_after{15};                // no report for this long: "down"
  std::chrono::minutes behind_after{60};              // the oldest unsent record older than this: "behind"
  std::int64_t behind_pending = 5000;                 // ... or more records than this waiting
  std::int64_t disk_low_percent = 5;                  // free disk below this share of the total: "disk-low"
  std::int64_t disk_low_bytes = 500LL * 1000 * 1000;  // ... or below this many bytes
};

// The problems of one device as of `now` (HQ's clock), in the order above.
std::vector<std::string> health_problems(const DeviceHealth& health, EpochMs now, const HealthThresholds& thresholds);

// One line per device (read_device_health), passed to `line`; answers {"stores": N, "devices": N, "with_problems": N}.
Result<nlohmann::ordered_json> list_store_health(HqDb& db, EpochMs now, const HealthThresholds& thresholds,
                                                 const std::function<void(const std::string&)>& line);

}  // namespace kiosk::hq
