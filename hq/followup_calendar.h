// When a follow-up call is due and when a customer not reached is tried
// again (docs/follow-up.md), in the store's time zone and working days.
#pragma once

#include <string>

#include "core/clock.h"
#include "core/store_time_zone.h"
#include "hq/followup_settings.h"

namespace kiosk::hq {

// The day the call is due: the `due_days`-th working day after the day of
// `done_at`; a complaint's the same day.
std::string followup_due_day(const FollowupSettings& settings, const StoreTimeZone& zone, EpochMs done_at,
                             bool complaint);

// The next try after a call that did not reach the customer at `now`: two
// hours later, or 09:00 of the next working day when that would be after
// 17:00 (local hours since midnight).
EpochMs followup_next_try(const FollowupSettings& settings, const StoreTimeZone& zone, EpochMs now);

// The store's zone, Shanghai where HQ holds a name the system does not know.
StoreTimeZone store_zone_or_default(const std::string& name);

}  // namespace kiosk::hq
