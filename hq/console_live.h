// The console's live view (GET /api/console/v1/live): per store, the visits
// waiting now and the longest wait, by service and in all; the counters open
// (serving a visit, or called one in the last 30 minutes); when HQ last heard
// from the store; and its devices' health problems (`hq stores`' list). Read
// from today's ledgers (each store's today in its time zone) and the devices'
// latest health reports. docs/hq-console.md ("Live").
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct ServiceNow {
  std::int64_t waiting = 0;
  std::optional<EpochMs> oldest;  // issued at, of the visit waiting longest
};

struct StoreNow {
  std::string name;
  std::string today;
  std::map<std::string, ServiceNow> services;  // by code
  std::set<int> counters_open;
  std::optional<EpochMs> last_contact;
  std::set<std::string> problems;
};

// Every store now, by id.
std::map<std::string, StoreNow> stores_now(HqDb& db, EpochMs now);

nlohmann::ordered_json live_view(HqDb& db, EpochMs now);

}  // namespace kiosk::hq
