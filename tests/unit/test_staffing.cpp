// Erlang C (queue/staffing.h) against values worked out by hand from the
// textbook formula C(c,A) = (A^c/c! * c/(c-A)) / (sum_{k<c} A^k/k! + A^c/c! * c/(c-A)),
// against that formula summed directly, and at its edges: no arrivals, a load
// at or past the counters, a huge load, a target of 0, a goal of 0.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <utility>

#include "queue/staffing.h"

using kiosk::counters_needed;
using kiosk::erlang_c;
using kiosk::kStaffingGoalShare;
using kiosk::share_within_target;

namespace {

constexpr double kPerHour = 1.0 / 3600.0;

// The textbook formula term by term (fine for small c).
double erlang_c_direct(int c, double a) {
  double term = 1, below = 0;  // A^k/k!
  for (int k = 0; k < c; ++k) {
    below += term;
    term *= a / (k + 1);
  }
  const double top = term * c / (c - a);
  return top / (below + top);
}

}  // namespace

TEST_CASE("Erlang C: the probability of waiting, worked by hand") {
  // c = 1, A = 0.5: top 0.5 * 1/0.5 = 1, below 1: C = 1/2 (M/M/1: C = the load).
  CHECK(erlang_c(1, 0.5) == doctest::Approx(0.5).epsilon(1e-12));
  // c = 2, A = 1: top 1/2 * 2/1 = 1, below 1 + 1 = 2: C = 1/3.
  CHECK(erlang_c(2, 1.0) == doctest::Approx(1.0 / 3).epsilon(1e-12));
  // c = 3, A = 2: top 8/6 * 3/1 = 4, below 1 + 2 + 2 = 5: C = 4/9.
  CHECK(erlang_c(3, 2.0) == doctest::Approx(4.0 / 9).epsilon(1e-12));
  // c = 4, A = 2: top 16/24 * 4/2 = 4/3, below 1 + 2 + 2 + 4/3 = 19/3: C = 4/23.
  CHECK(erlang_c(4, 2.0) == doctest::Approx(4.0 / 23).epsilon(1e-12));
  for (const auto& [c, a] : {std::pair{5, 4.2}, std::pair{12, 10.0}, std::pair{30, 25.5}, std::pair{60, 31.0}})
    CHECK(erlang_c(c, a) == doctest::Approx(erlang_c_direct(c, a)).epsilon(1e-10));
}

TEST_CASE("Erlang C at its edges: no load, a load at or past the counters, a huge load") {
  CHECK(erlang_c(3, 0.0) == 0);
  CHECK(erlang_c(0, 0.0) == 0);
  CHECK(erlang_c(3, 3.0) == 1);
  CHECK(erlang_c(3, 7.5) == 1);
  // 100,000 counters: A^c/c! alone would overflow any double; the recursion does not.
  const double busy = erlang_c(100'000, 99'500.0);
  CHECK(std::isfinite(busy));
  CHECK(busy > 0);
  CHECK(busy < 1);
  CHECK(erlang_c(100'000, 90'000.0) < 1e-100);
}

TEST_CASE("the share called within the target, worked by hand") {
  // c = 2, A = 1 (1 a minute, 60 s each), t = 20 s: 1 - 1/3 * e^{-(2-1)*20/60}
  // = 1 - 0.3333 * 0.716531 = 0.761156.
  CHECK(share_within_target(2, 1.0 / 60, 60, 20) == doctest::Approx(0.761156).epsilon(1e-6));
  // c = 3, A = 2, t = 20 s: 1 - 4/9 * e^{-1/3} = 1 - 0.318458 = 0.681542.
  CHECK(share_within_target(3, 2.0 / 60, 60, 20) == doctest::Approx(0.681542).epsilon(1e-6));
  // c = 4, A = 2, t = 20 s: 1 - 4/23 * e^{-2/3} = 1 - 0.173913 * 0.513417 = 0.910710.
  CHECK(share_within_target(4, 2.0 / 60, 60, 20) == doctest::Approx(0.910710).epsilon(1e-6));
  // A target of 0: the share not waiting at all, 1 - C.
  CHECK(share_within_target(3, 2.0 / 60, 60, 0) == doctest::Approx(5.0 / 9).epsilon(1e-12));
  CHECK(share_within_target(2, 0, 60, 20) == 1);         // nobody arrives: nobody waits
  CHECK(share_within_target(2, 2.0 / 60, 60, 20) == 0);  // A = c: the queue never empties
}

TEST_CASE("the fewest counters reaching the goal") {
  CHECK(kStaffingGoalShare == 0.8);
  // 120 an hour, 60 s each (A = 2), target 20 s: 3 counters give 0.6815, 4 give 0.9107.
  CHECK(counters_needed(120 * kPerHour, 60, 20) == 4);
  // The same with a 60-s target: 3 counters give 1 - 4/9 * e^{-1} = 0.836.
  CHECK(counters_needed(120 * kPerHour, 60, 60) == 3);
  // A = 1, target 0: C(2,1) = 1/3 misses 80 %, C(3,1) = 0.25/2.75 = 1/11 reaches it;
  // with t = 60 s, 2 counters give 1 - e^{-1}/3 = 0.877.
  CHECK(counters_needed(60 * kPerHour, 60, 0) == 3);
  CHECK(counters_needed(60 * kPerHour, 60, 60) == 2);
  // A goal of 0: the fewest counters that keep up, more than the load.
  CHECK(counters_needed(150 * kPerHour, 60, 20, 0.0) == 3);
  // No arrivals: no counter; arrivals that take no time: one.
  CHECK(counters_needed(0, 300, 900) == 0);
  CHECK(counters_needed(10 * kPerHour, 0, 900) == 1);
}

TEST_CASE("the fewest counters for a huge load is the first to reach the goal") {
  // 600,000 an hour at 60 s each: A = 10,000 Erlangs.
  const double per_s = 600'000 * kPerHour;
  const int c = counters_needed(per_s, 60, 20);
  CHECK(c > 10'000);
  CHECK(c < 10'300);  // square-root staffing: about A + a few times sqrt(A)
  CHECK(share_within_target(c, per_s, 60, 20) >= kStaffingGoalShare);
  CHECK(share_within_target(c - 1, per_s, 60, 20) < kStaffingGoalShare);
}
