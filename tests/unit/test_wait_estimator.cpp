// The wait estimate as a replay of the calling order over a queue snapshot:
// counters shared between services, tickets being served, priority, and no
// estimate when no open counter calls the service; and every waiting
// ticket's minutes from one replay (the live queue on phones).
#include <doctest/doctest.h>

#include <algorithm>

#include "queue/wait_estimator.h"

using namespace kiosk;

namespace {

OpenCounter counter(int number, std::vector<std::string> services) {
  OpenCounter c;
  c.number = number;
  c.service_codes = std::move(services);
  return c;
}

}  // namespace

TEST_CASE("tickets of another service ahead at a shared counter count; a service nobody calls has no estimate") {
  QueueSnapshot queue;
  queue.open_counters = {counter(1, {"A", "B"})};
  queue.waiting = {{"B", false}, {"B", false}};
  queue.minutes_per_ticket = {{"A", 5}, {"B", 10}};
  // Nobody of A waits, but the counter calls both B tickets first (they are older).
  CHECK(estimate_wait_min(queue, {"A", false}) == 20);
  CHECK_FALSE(estimate_wait_min(queue, {"C", false}));
  queue.open_counters.push_back(counter(2, {"A"}));  // a counter of its own for A
  CHECK(estimate_wait_min(queue, {"A", false}) == 0);
}

TEST_CASE("a counter first ends the ticket it holds; a ticket held past its time still needs some") {
  QueueSnapshot queue;
  queue.minutes_per_ticket = {{"A", 8}};
  OpenCounter busy = counter(1, {"A"});
  busy.current_service = std::string("A");
  busy.current_elapsed_min = 3;
  queue.open_counters = {busy};
  queue.waiting = {{"A", false}};
  CHECK(estimate_wait_min(queue, {"A", false}) == 5 + 8);
  queue.open_counters[0].current_elapsed_min = 20;  // overdue: a quarter of 8 minutes is left
  CHECK(estimate_wait_min(queue, {"A", false}) == 2 + 8);
}

TEST_CASE("a priority newcomer is called before normal tickets, within the interleave") {
  QueueSnapshot queue;
  queue.open_counters = {counter(1, {"A"})};
  queue.minutes_per_ticket = {{"A", 5}};
  queue.waiting = {{"A", false}, {"A", false}, {"A", true}};
  queue.priority_interleave = 2;
  CHECK(estimate_wait_min(queue, {"A", false}) == 15);
  CHECK(estimate_wait_min(queue, {"A", true}) == 5);  // after the older priority ticket
  queue.open_counters[0].priority_streak = 1;         // one more priority call, then a normal one
  queue.waiting.push_back({"A", true});
  CHECK(estimate_wait_min(queue, {"A", true}) == 15);
}

TEST_CASE(
    "beyond the replayed oldest tickets the rest of a long queue is counted as work the newcomer's counters share") {
  QueueSnapshot queue;
  queue.open_counters = {counter(1, {"A"}), counter(2, {"A", "B"})};
  queue.minutes_per_ticket = {{"A", 5}, {"B", 10}, {"C", 7}};
  queue.waiting = {{"A", false}};  // counter 1 calls it: free again at 5
  queue.waiting_after = {{{"A", false}, 10}, {{"A", true}, 2}, {{"B", false}, 4}, {{"C", false}, 9}};
  // (5 + 0 free at, + 10 x 5 + 2 x 5 + 4 x 10 of work; C is nobody's here) / 2 counters
  CHECK(estimate_wait_min(queue, {"A", false}) == 53);
  // A priority newcomer comes after the priority ones only: (5 + 2 x 5) / 2
  CHECK(estimate_wait_min(queue, {"A", true}) == 8);
  CHECK_FALSE(estimate_wait_min(queue, {"C", false}));
}

TEST_CASE("one replay gives every listed waiting ticket its minutes until called, as the newcomer's estimate would") {
  QueueSnapshot queue;
  OpenCounter busy = counter(1, {"A", "B"});
  busy.current_service = std::string("A");
  busy.current_elapsed_min = 2;  // 3 of its 5 minutes left
  queue.open_counters = {busy, counter(2, {"B"})};
  queue.minutes_per_ticket = {{"A", 5}, {"B", 10}};
  queue.waiting = {{"A", false}, {"B", false}, {"A", false}, {"B", false}, {"C", false}};
  // Counter 2 is free at 0 and takes the first B; counter 1 at 3 takes the first A,
  // at 8 the second A; counter 2 at 10 the second B; nobody calls C.
  const std::vector<std::optional<int>> minutes = estimate_waits_min(queue);
  REQUIRE(minutes.size() == 5);
  CHECK(minutes[0] == 3);
  CHECK(minutes[1] == 0);
  CHECK(minutes[2] == 8);
  CHECK(minutes[3] == 10);
  CHECK_FALSE(minutes[4]);
  // Each listed ticket's minutes are what the newcomer's estimate said when it came last.
  for (std::size_t last = 0; last < 4; ++last) {
    QueueSnapshot before = queue;
    before.waiting.assign(queue.waiting.begin(), queue.waiting.begin() + static_cast<long>(last));
    CAPTURE(last);
    CHECK(estimate_wait_min(before, queue.waiting[last]) == minutes[last]);
  }
}

TEST_CASE("per-ticket minutes follow the priority interleave; no open counter gives none at all") {
  QueueSnapshot queue;
  queue.open_counters = {counter(1, {"A"})};
  queue.minutes_per_ticket = {{"A", 4}};
  queue.priority_interleave = 2;
  queue.waiting = {{"A", false}, {"A", false}, {"A", true}, {"A", true}, {"A", true}};
  // Priority first, two in a row, then a normal one: P P N P N.
  const std::vector<std::optional<int>> minutes = estimate_waits_min(queue);
  REQUIRE(minutes.size() == 5);
  CHECK(minutes[2] == 0);
  CHECK(minutes[3] == 4);
  CHECK(minutes[0] == 8);
  CHECK(minutes[4] == 12);
  CHECK(minutes[1] == 16);
  queue.open_counters.clear();
  const std::vector<std::optional<int>> none = estimate_waits_min(queue);
  REQUIRE(none.size() == 5);
  CHECK(std::none_of(none.begin(), none.end(), [](const std::optional<int>& m) { return m.has_value(); }));
  CHECK(estimate_waits_min(QueueSnapshot{}).empty());
}
