// Which ticket a counter calls next, as a pure decision: priority tickets go
// ahead of normal ones, but after `interleave` priority calls in a row a waiting
// normal ticket is called, so normal tickets never starve. Within each class the
// longest-waiting ticket (earliest queued_since) is called first; the queries in
// QueueEngine supply the oldest of each class.
#pragma once

namespace kiosk {

enum class NextPick { Priority, Normal, Nobody };

struct CallDecision {
  NextPick pick;
  int priority_streak_after;  // the counter's streak once this call is made
};

CallDecision decide_next_call(bool priority_waiting, bool normal_waiting, int priority_streak, int interleave);

}  // namespace kiosk
