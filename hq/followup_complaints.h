// Complaints kept at HQ (docs/follow-up.md, "Complaints and their clock"): a
// ticket of a complaint service (followup_settings.h) is kept in `complaint`
// as its store uploads it, in the upload's transaction; one the counter could
// not resolve (outcome follow-up) gets a follow-up task due that day; one
// resolved at the counter (or finished without an outcome, by an older
// store) is solved when it finished. A request made from a
// complaint ticket is a complaint too: the store's request record does not
// carry its ticket, so HQ links them by what both carry, the store and the
// moment (a counter turning its ticket into a request finishes the ticket as
// `request` at the request's creation time, to the millisecond). A complaint
// is solved when its follow-up call (the ticket's, or its request's) records
// it solved.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/followup_settings.h"
#include "hq/hq_db.h"
#include "hq/upload_reader.h"

namespace kiosk::hq {

// The complaint tickets of one store's upload batch, as the batch stores them.
class ComplaintTickets {
 public:
  ComplaintTickets(HqDb& db, std::string store_id, EpochMs now) : db_(db), store_id_(std::move(store_id)), now_(now) {}
  // A ticket record just stored (a new one, or a later revision).
  void add(const CheckedRecord& record);

 private:
  HqDb& db_;
  std::string store_id_;
  EpochMs now_;
  std::optional<FollowupSettings> settings_;  // read at the first ticket
  std::optional<std::string> zone_;
};

// A request just uploaded: a complaint when a complaint ticket of its store
// was finished as `request` at its creation time.
void link_complaint_request(HqDb& db, const std::string& store_id, const std::string& code, EpochMs created_at);

// A follow-up call recorded the customer's problem solved at `at`.
void mark_complaint_solved(HqDb& db, const std::string& store_id, const std::string& subject_kind,
                           const std::string& subject, EpochMs at);

// The complaints of the tickets uploaded before schema 10 (fill_followups_if_needed).
void fill_complaints(HqDb& db, EpochMs now);

}  // namespace kiosk::hq
