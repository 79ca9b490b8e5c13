// The follow-up figures (docs/follow-up.md, "Reports"), each defined once
// here: over the tasks due in a range (cancelled ones left out: nothing was
// left to confirm),
// - follow-up rate: tasks done on or before their due day / tasks due;
// - reached rate: tasks whose customer was reached / tasks done;
// - solved at first visit: request tasks whose request never needed a second
//   visit (no wait for parts, never reopened: the outcomes report's first-time
//   fixed), the request's first task, and the call recorded solved / request
//   tasks due;
// - reopened rate: calls that found the problem not solved / tasks reached;
// and over the complaints issued in a range: opened, solved within 24 hours
// and within 72 hours of their issue, still open.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"

namespace kiosk::hq {

// One task as the figures see it.
struct FollowupFact {
  bool done = false;           // state done (solved, not solved or unreachable)
  bool on_time = false;        // done on or before its due day (the store's days)
  bool reached = false;        // the last call reached the customer
  std::optional<bool> solved;  // what the call found, when it reached them
  bool request = false;        // a request's task (not a complaint ticket's)
  bool first_visit = false;    // its request's first task, and no second visit
};

struct FollowupTally {
  std::int64_t due = 0, done = 0, done_on_time = 0, reached = 0, not_solved = 0, requests = 0, solved_first_visit = 0;

  void add(const FollowupFact& fact);
  // The counts and the rates (null where nothing is under them).
  nlohmann::ordered_json figures() const;
};

inline constexpr EpochMs kComplaintDayMs = 24 * 3'600'000LL;

struct ComplaintTally {
  std::int64_t opened = 0, solved_within_24h = 0, solved_within_72h = 0, still_open = 0;

  void add(EpochMs issued_at, std::optional<EpochMs> solved_at);
  nlohmann::ordered_json figures() const;
};

}  // namespace kiosk::hq
