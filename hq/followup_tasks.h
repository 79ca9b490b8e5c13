// Follow-up tasks made and cancelled as requests change at HQ
// (docs/follow-up.md): request_mirror.h calls in, in the transaction that
// changed hq_request (a store's upload, a device's or HQ's own command), so a
// task is made whichever of them HQ learns of first. One task per time a
// request was done, by the version it was done at: the store's later upload
// of the same step makes none. A task still due when its request moves on
// (reopened, cancelled, done again) is cancelled. A complaint ticket's task
// is made by followup_complaints.h.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/store_time_zone.h"
#include "hq/followup_settings.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// A task to make, once: its id is made of what it follows up.
struct NewFollowup {
  std::string store_id;
  std::string subject_kind;  // "request" | "ticket"
  std::string subject;       // the request's code or the ticket's id
  std::optional<std::int64_t> request_version;
  std::optional<std::string> technician;  // the request's assignee when it was done
  bool complaint = false;                 // due the same day
  EpochMs done_at = 0;
};
std::string followup_id(const NewFollowup& task);
void make_followup(HqDb& db, const NewFollowup& task, const FollowupSettings& settings, const StoreTimeZone& zone,
                   EpochMs now);

// After hq_request's row of the request changed, inside that transaction.
void followups_after_request_change(HqDb& db, const std::string& store_id, const std::string& code, EpochMs now);

// The tasks of requests done and the complaints uploaded before schema 10,
// once, when the database is opened to migrate (followup_schema.h).
void fill_followups_if_needed(HqDb& db, EpochMs now);

}  // namespace kiosk::hq
