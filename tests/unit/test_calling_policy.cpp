// The interleave rule: priority ahead, but never more than `interleave` in a
// row while a normal ticket waits.
#include <doctest/doctest.h>

#include <string>

#include "queue/calling_policy.h"

using kiosk::decide_next_call;
using kiosk::NextPick;

TEST_CASE("2:1 interleave with both kinds always waiting gives P P N P P N") {
  int streak = 0;
  std::string order;
  for (int i = 0; i < 9; ++i) {
    const auto d = decide_next_call(true, true, streak, 2);
    order += d.pick == NextPick::Priority ? 'P' : 'N';
    streak = d.priority_streak_after;
  }
  CHECK(order == "PPNPPNPPN");
}

TEST_CASE("starvation bound: a waiting normal ticket is called within interleave+1 calls, for every interleave") {
  for (int interleave = 1; interleave <= 10; ++interleave) {
    for (int start_streak = 0; start_streak <= interleave; ++start_streak) {
      int streak = start_streak, calls = 0;
      NextPick pick = NextPick::Priority;
      while (pick != NextPick::Normal) {
        const auto d = decide_next_call(true, true, streak, interleave);
        pick = d.pick;
        streak = d.priority_streak_after;
        ++calls;
        REQUIRE(calls <= interleave + 1);
      }
    }
  }
}

TEST_CASE("one kind alone is called without waiting for the other") {
  CHECK(decide_next_call(true, false, 5, 2).pick == NextPick::Priority);
  CHECK(decide_next_call(false, true, 0, 2).pick == NextPick::Normal);
  CHECK(decide_next_call(false, true, 2, 2).priority_streak_after == 0);
  CHECK(decide_next_call(false, false, 1, 2).pick == NextPick::Nobody);
}
