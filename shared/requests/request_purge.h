// The privacy purge (PIPL: keep personal data no longer than needed): the
// personal fields of a request (contact name, phone, address, serial number,
// description, and the free comment of its rating) are erased a configurable
// number of days after HQ has the request as it ended: on a store with HQ
// configured, days after HQ acknowledged its latest change (closed or
// cancelled, nothing of it waiting to be sent); on a store without HQ, days
// after it was closed or cancelled. What statistics need stays: kind,
// product, problem, urgency, states, versions, every timestamp and every
// event (docs/requests.md).
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

constexpr int kDefaultPurgeDays = 30;
constexpr int kMaxPurgeDays = 3650;

// Erases the personal fields of requests closed or cancelled, and known to HQ,
// at least `days` days ago and not purged yet, in one transaction; returns how many. The
// purge keeps the version, so it makes no sync outbox row.
// Error code: "bad-days" (outside 0..kMaxPurgeDays).
Result<std::int64_t> purge_personal_data(StoreDb& store, const Clock& clock, int days = kDefaultPurgeDays);

}  // namespace kiosk
