// What a technician's tablet reads from HQ (docs/hq-sync-protocol.md,
// "Technician devices"): their own staff entry and their jobs, as change_log
// rows marked with their id. A job row holds the request as it stands now,
// whole (the customer's name, phone and address included: it is theirs), and
// is written whenever a request assigned to a technician with a tablet
// changes at HQ (an upload, a decision); a request given to someone else is
// listed once more for the one who had it, as removed.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// The request's technician at HQ now (none: unassigned or unknown).
std::optional<std::string> assignee_of(HqDb& db, const std::string& store_id, const std::string& code);

// After hq_request changed, inside the same transaction: the job's row for
// its technician (when they have a tablet and the job differs from the last
// row they were sent) and a removal for `previous_assignee` when it changed.
void publish_job(HqDb& db, const std::string& store_id, const std::string& code,
                 const std::optional<std::string>& previous_assignee, EpochMs now);

// A tablet was added for `technician_id`: every job of theirs that is open
// now, so the tablet starts with them. Inside the device's transaction.
void publish_open_jobs(HqDb& db, const std::string& technician_id, EpochMs now);

}  // namespace kiosk::hq
