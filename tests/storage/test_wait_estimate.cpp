// The wait estimate a ticket showed is stored with it: none when no open
// counter called the service, none on a transfer's continuation; day
// statistics score the stored estimates against the waits they foretold.
#include <doctest/doctest.h>

#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("the estimate shown at issue is stored on the ticket, and none when no counter calls the service") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  const Ticket b = s.engine->issue({"B", false, {}}).value().ticket;
  CHECK(b.estimated_wait_min == 0);
  // Nobody of A waits, but the shared counter calls the older B ticket first (10 minutes each).
  const IssuedTicket a = s.engine->issue({"A", false, {}}).value();
  CHECK(a.people_ahead == 0);
  CHECK(a.ticket.estimated_wait_min == 10);
  const Ticket nobody = s.engine->issue({"C", false, {}}).value().ticket;
  CHECK_FALSE(nobody.estimated_wait_min);

  REQUIRE(s.engine->call_next(1).value().id == b.id);
  s.clock.advance_s(120);
  const Ticket moved = s.engine->transfer(1, "D").value();
  CHECK_FALSE(moved.estimated_wait_min);  // the estimate belongs to the visit's first ticket
  const Ticket called = s.engine->call_next(1).value();
  CHECK(called.id == a.ticket.id);
  CHECK(called.estimated_wait_min == 10);  // read back from the store
}

TEST_CASE("day statistics score the stored estimates against the real waits") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket first = s.engine->issue({"A", false, {}}).value().ticket;   // shows 0
  const Ticket second = s.engine->issue({"A", false, {}}).value().ticket;  // shows 5 (the catalogue's time)
  REQUIRE(first.estimated_wait_min == 0);
  REQUIRE(second.estimated_wait_min == 5);
  s.engine->issue({"B", false, {}}).value();  // no counter for B: nothing to score
  s.clock.advance_s(60);
  REQUIRE(s.engine->call_next(1).ok());  // waited 1 minute: off by 1
  s.clock.advance_s(11 * 60);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  REQUIRE(s.engine->call_next(1).ok());  // waited 12 minutes: off by 7
  const DayStats stats = s.engine->day_stats(s.engine->today()).value();
  CHECK(stats.total.estimates_scored == 2);
  CHECK(*stats.total.estimate_mae_min == doctest::Approx(4.0));
  CHECK(*stats.total.estimate_within_5min_share == doctest::Approx(0.5));
  CHECK(stats.by_service.at("B").estimates_scored == 0);
}

TEST_CASE("a queue longer than the replayed tickets still gets the whole queue's estimate") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  std::optional<int> last;
  for (int i = 0; i < 230; ++i) last = s.engine->issue({"A", false, {}}).value().ticket.estimated_wait_min;
  CHECK(last == 229 * 5);  // 229 ahead at the catalogue's 5 minutes, one counter
  CHECK(s.engine->queue_status().value()[0].estimated_wait_min == 230 * 5);
}

TEST_CASE("a call that ended before it began (the store's clock stepped back) does not make a wait negative") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  s.engine->issue({"A", false, {}}).value();
  REQUIRE(s.engine->call_next(1).ok());
  s.clock.advance_s(-3600);  // the PC's clock put back an hour mid-call
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  s.engine->issue({"A", false, {}}).value();
  const Ticket second = s.engine->issue({"A", false, {}}).value().ticket;
  CHECK(second.estimated_wait_min == 5);  // the catalogue's time: the call's -60 minutes tell nothing
}
