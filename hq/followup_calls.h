// Recording a follow-up call (docs/follow-up.md, "Record a call"): every
// attempt is kept (followup_call). Not reached: one try more, the next one
// scheduled (followup_calendar.h), the task done as `unreachable` after the
// third. Reached and solved: done, the complaint (if it is one) solved.
// Reached and not solved: done, and a request's reopened through HQ's own
// command (`reopened` from HQ's current version, the note as the command's
// data.note) in the same transaction, so the request is new on the dispatch
// board and its store takes the reopen through the feed. A request that moved
// since it was done (HQ's version is no longer the task's) is refused in HQ's
// words and nothing is recorded.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

constexpr std::int64_t kFollowupTries = 3;

struct FollowupCall {
  std::string followup_id;
  bool reached = false;
  std::optional<bool> solved;         // required when reached, refused when not
  std::optional<std::int64_t> score;  // 1-5, only when reached
  std::string note;                   // up to 500 characters, as a request's note
};

// Errors: InvalidArgument ("missing-field", "bad-field", "note-*"; code
// "unknown-followup" for no such task), Refused ("followup-closed": done or
// cancelled already; "version-conflict", "illegal-transition": the request
// moved, HQ's words). Answers {"followup": the task as listed, "request":
// {"state", "version"} when it was reopened}.
Result<nlohmann::ordered_json> record_followup_call(HqDb& db, const FollowupCall& call, const std::string& actor,
                                                    EpochMs now);

}  // namespace kiosk::hq
