// Ticket numbering on a real store file: per service, restarting at the
// store's local midnight (Asia/Shanghai and a daylight-saving zone), past 999.
#include <doctest/doctest.h>

#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;
using kiosk::test::utc_ms;

namespace {
std::string issue(TestStore& s, const char* service = "A") {
  return s.engine->issue({service, false, {}}).value().ticket.label;
}
}  // namespace

TEST_CASE("numbers count per service and per business day") {
  TestStore s;
  CHECK(issue(s, "A") == "A001");
  CHECK(issue(s, "A") == "A002");
  CHECK(issue(s, "B") == "B001");
  CHECK(issue(s, "A") == "A003");
}

TEST_CASE("Asia/Shanghai: numbering restarts at local midnight, not UTC midnight") {
  TestStore s("Asia/Shanghai", utc_ms(2026, 11, 22, 15, 59, 58));  // 23:59:58 local
  const IssuedTicket late = s.engine->issue({"A", false, {}}).value();
  CHECK(late.ticket.label == "A001");
  CHECK(late.ticket.business_day == "2026-11-22");
  CHECK(issue(s) == "A002");
  s.clock.set(utc_ms(2026, 11, 22, 16, 0, 0));  // 00:00:00 local
  const IssuedTicket early = s.engine->issue({"A", false, {}}).value();
  CHECK(early.ticket.label == "A001");
  CHECK(early.ticket.business_day == "2026-11-23");
  s.clock.set(utc_ms(2026, 11, 23, 0, 0, 0));  // UTC midnight is 08:00 local: same day
  CHECK(issue(s) == "A002");
}

TEST_CASE("America/New_York: the 25-hour day keeps counting through the repeated hour") {
  TestStore s("America/New_York", utc_ms(2026, 11, 1, 4, 30));  // 00:30 EDT
  CHECK(issue(s) == "A001");
  s.clock.set(utc_ms(2026, 11, 1, 5, 30));  // 01:30 EDT
  CHECK(issue(s) == "A002");
  s.clock.set(utc_ms(2026, 11, 1, 6, 30));  // 01:30 EST, the same wall time again
  CHECK(issue(s) == "A003");
  s.clock.set(utc_ms(2026, 11, 2, 4, 59, 59));  // 23:59:59 EST
  CHECK(issue(s) == "A004");
  s.clock.set(utc_ms(2026, 11, 2, 5, 0, 0));  // midnight EST
  CHECK(issue(s) == "A001");
}

TEST_CASE("America/New_York: the 23-hour day ends at the right instant") {
  TestStore s("America/New_York", utc_ms(2026, 3, 8, 6, 59));  // 01:59 EST, just before the gap
  CHECK(issue(s) == "A001");
  s.clock.set(utc_ms(2026, 3, 8, 7, 0));  // 03:00 EDT
  CHECK(issue(s) == "A002");
  s.clock.set(utc_ms(2026, 3, 9, 3, 59, 59));  // 23:59:59 EDT
  CHECK(issue(s) == "A003");
  s.clock.set(utc_ms(2026, 3, 9, 4, 0));  // midnight EDT
  CHECK(issue(s) == "A001");
}

TEST_CASE("past 999 the number grows a fourth digit and is never reused") {
  TestStore s;
  // Bring today's sequence to 998 as if 998 tickets had been issued.
  s.store->db()
      .prepare("INSERT INTO number_sequence(business_day, prefix, last_number) VALUES (?1, 'A', 998)")
      .bind(1, s.engine->today())
      .run();
  CHECK(issue(s) == "A999");
  CHECK(issue(s) == "A1000");
  CHECK(issue(s) == "A1001");
}

TEST_CASE("people ahead and the wait estimate") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->open_counter(2, {"A"}).ok());
  CHECK(s.engine->issue({"A", false, {}}).value().people_ahead == 0);
  s.engine->issue({"A", false, {}}).value();
  s.engine->issue({"A", false, {}}).value();
  const IssuedTicket fourth = s.engine->issue({"A", false, {}}).value();
  CHECK(fourth.people_ahead == 3);
  // No history yet: the catalogue's 5 minutes per ticket. The 2 idle counters call
  // the first two at once and are free again after 5 minutes: one calls the
  // third, the other this one.
  CHECK(fourth.ticket.estimated_wait_min == 5);
  // Real durations replace the catalogue figure: two tickets that held a counter 10 minutes each.
  for (int i = 0; i < 2; ++i) {
    REQUIRE(s.engine->call_next(1).ok());
    s.clock.advance_s(600);
    REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  }
  const std::vector<ServiceQueue> queues = s.engine->queue_status().value();
  CHECK(queues[0].service.code == "A");
  CHECK(queues[0].waiting == 2);
  CHECK(queues[0].counters_open == 2);
  CHECK(queues[0].estimated_wait_min == 10);  // both counters call one of the 2 ahead; the next call is 10 min later
  CHECK(queues[1].counters_open == 0);
  CHECK_FALSE(queues[1].estimated_wait_min);  // B: no open counter calls it
}

TEST_CASE("a service no open counter calls promises no wait; paused and closed counters call nobody") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B", "C", "D"}).ok());
  REQUIRE(s.engine->open_counter(2, {"E"}).ok());
  REQUIRE(s.engine->open_counter(3, {"A", "B", "C", "D"}).ok());
  REQUIRE(s.engine->pause_counter(1, "lunch").ok());
  REQUIRE(s.engine->close_counter(3).ok());
  const IssuedTicket d = s.engine->issue({"D", false, {}}).value();
  CHECK(d.people_ahead == 0);
  CHECK_FALSE(d.ticket.estimated_wait_min);  // was "very soon" with nobody to call it
  const std::vector<ServiceQueue> queues = s.engine->queue_status().value();
  for (const ServiceQueue& q : queues) {
    INFO(q.service.code);
    if (q.service.code == "E") {
      CHECK(q.counters_open == 1);
      CHECK(q.estimated_wait_min == 0);
    } else {
      CHECK(q.counters_open == 0);
      CHECK_FALSE(q.estimated_wait_min);
    }
  }
  // Back from lunch: counter 1 calls D again and the estimate returns.
  REQUIRE(s.engine->open_counter(1, {"A", "B", "C", "D"}).ok());
  CHECK(s.engine->issue({"D", false, {}}).value().ticket.estimated_wait_min == 5);  // 1 ahead, 5 min each, 1 counter
}

TEST_CASE("issuing refuses unknown services and priority where the service does not allow it") {
  TestStore s;
  auto unknown = s.engine->issue({"Z", false, {}});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().kind == ErrorKind::InvalidArgument);
  CHECK(unknown.error().message == "unknown service \"Z\"");
  auto no_priority = s.engine->issue({"G", true, {}});
  REQUIRE_FALSE(no_priority.ok());
  CHECK(no_priority.error().kind == ErrorKind::Refused);
  CHECK(issue(s, "G") == "G001");  // the refused attempt used no number
}
