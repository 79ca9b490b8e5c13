// The open complaints and their clock (docs/follow-up.md, "Complaints and
// their clock"): every complaint of the last 30 days not solved yet (a
// no-show, a cancelled or a transferred ticket is no complaint to chase),
// the oldest first, each with its age from the ticket's issue: `at-risk`
// past 18 hours, `late-24h` past 24, `late-72h` past 72, else `on-time`;
// the request it became and its follow-up task. No customer's phone or name.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// "on-time" | "at-risk" | "late-24h" | "late-72h" for a complaint `age_ms` old.
const char* complaint_clock(EpochMs age_ms);

// nullopt for an unknown store.
std::optional<nlohmann::ordered_json> complaint_list(HqDb& db, const std::optional<std::string>& store, EpochMs now);

}  // namespace kiosk::hq
