// The health reports devices send with their sync requests (the X-Kiosk-Health
// header, docs/hq-sync-protocol.md): the latest good one per device is kept
// with HQ's clock as received_at; a report that does not decode is ignored,
// counted per device with its reason, and never fails the request it came with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_sync.h"
#include "sync/health_report.h"

namespace kiosk::hq {

// Stores `header` as the device's latest report, or counts it as ignored.
// Returns the reason a report was ignored; nullopt when it was kept.
// Throws StorageFailure when the database fails.
std::optional<std::string> take_health_report(HqDb& db, const Device& device, const std::string& header, EpochMs now);

struct DeviceHealth {
  std::string store_id;
  std::string store_name;
  std::optional<std::string> device_id;  // none: a store without a device
  std::string label;
  std::optional<EpochMs> received_at;  // none: never reported
  HealthReport report;                 // as of received_at
  std::int64_t ignored = 0;            // reports HQ could not read
  std::string last_ignored_reason;
};

// Every store's devices that are not revoked, technicians' tablets left out (a store without one: one entry
// without a device), by store and device creation.
std::vector<DeviceHealth> read_device_health(HqDb& db);

}  // namespace kiosk::hq
