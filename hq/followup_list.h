// The dispatcher's list of follow-up calls (docs/follow-up.md, `#/followups`):
// the tasks of every store or one, those to call now first (due today, then
// overdue; a complaint before others of its day), then those waiting for a
// later try, with what the call is about and whom to call: the contact name
// and the phone in full from the request's upload (a ticket's phone is
// uploaded masked). The console gives it to dispatchers and admins only.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct FollowupQuery {
  std::optional<std::string> store;  // every store when none
  std::string show = "due";          // due (today's and overdue, still to call) | all (any state, newest due first)
  std::int64_t limit = 200;
};

// Throws BadRequest for a `show` or `limit` it does not take; nullopt for an unknown store.
std::optional<nlohmann::ordered_json> followup_list(HqDb& db, const FollowupQuery& query, EpochMs now);

// One task as the list shows it; nullopt when there is no such task.
std::optional<nlohmann::ordered_json> followup_row(HqDb& db, const std::string& id, EpochMs now);

}  // namespace kiosk::hq
