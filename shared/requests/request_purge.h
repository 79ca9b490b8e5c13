// The privacy purge (PIPL: keep personal data no longer than needed): the
// personal fields of a request (contact name, phone, address, serial number,
// description, and the free comment of its rating) are erased a configurable number of days after it was closed
// or cancelled. What statistics need stays: kind, product, problem, urgency,
// states, versions, every timestamp and every event. Until sync carries
// requests to HQ the clock starts at closing; then it should start once HQ
// has acknowledged the request's last change (docs/requests.md).
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

constexpr int kDefaultPurgeDays = 30;
constexpr int kMaxPurgeDays = 3650;

// Erases the personal fields of requests closed or cancelled at least `days`
// days ago and not purged yet, in one transaction; returns how many. The
// purge keeps the version, so it makes no sync outbox row.
// Error code: "bad-days" (outside 0..kMaxPurgeDays).
Result<std::int64_t> purge_personal_data(StoreDb& store, const Clock& clock, int days = kDefaultPurgeDays);

}  // namespace kiosk
