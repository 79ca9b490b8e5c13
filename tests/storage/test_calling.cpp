// The calling policy on a real store: interleave, starvation bound with a
// steady stream of priority tickets, longest waiting first across services,
// transfers keeping their queue time, pauses and closed counters.
#include <doctest/doctest.h>

#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {
// Calls the next ticket at `counter`, finishes it, and returns its label.
std::string serve_next(TestStore& s, int counter) {
  Result<Ticket> called = s.engine->call_next(counter);
  REQUIRE_MESSAGE(called.ok(), called.error().message);
  s.clock.advance_s(60);
  REQUIRE(s.engine->finish(counter, Outcome::Resolved).ok());
  return called.value().label;
}
std::string issue(TestStore& s, const char* service, bool priority = false) {
  s.clock.advance_s(1);
  return s.engine->issue({service, priority, {}}).value().ticket.label;
}
}  // namespace

TEST_CASE("priority tickets go ahead 2:1, the rest longest waiting first") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  for (int i = 0; i < 3; ++i) issue(s, "A");        // A001..A003 normal
  for (int i = 0; i < 4; ++i) issue(s, "A", true);  // A004..A007 priority
  std::string order;
  for (int i = 0; i < 7; ++i) order += serve_next(s, 1) + " ";
  CHECK(order == "A004 A005 A001 A006 A007 A002 A003 ");
}

TEST_CASE("with 1:1 interleave priority and normal alternate") {
  TestStore s("Asia/Shanghai", kiosk::test::utc_ms(2026, 11, 23, 1, 0), 1);
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  issue(s, "A"), issue(s, "A"), issue(s, "A", true), issue(s, "A", true);
  std::string order;
  for (int i = 0; i < 4; ++i) order += serve_next(s, 1) + " ";
  CHECK(order == "A003 A001 A004 A002 ");
}

TEST_CASE(
    "starvation bound: under a steady stream of priority tickets a normal ticket waits at most `interleave` calls") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const std::string normal = issue(s, "A");
  for (int i = 0; i < 3; ++i) issue(s, "A", true);
  int calls_before = 0;
  for (;;) {
    const std::string called = serve_next(s, 1);
    if (called == normal) break;
    ++calls_before;
    issue(s, "A", true);  // another priority customer arrives after every call
    REQUIRE(calls_before <= 2);
  }
  CHECK(calls_before == 2);
}

TEST_CASE("a counter calls the longest waiting ticket among the services it serves") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  issue(s, "B");  // B001 oldest
  issue(s, "C");  // C001 not served at counter 1
  issue(s, "A");  // A001
  CHECK(serve_next(s, 1) == "B001");
  CHECK(serve_next(s, 1) == "A001");
  auto empty = s.engine->call_next(1);
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.error().kind == ErrorKind::Refused);
  CHECK(empty.error().message == "no one is waiting for A,B at counter 1");
}

TEST_CASE("a transferred ticket keeps its number and its place by original issue time") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->open_counter(2, {"B"}).ok());
  issue(s, "A");  // A001: will be transferred to B
  issue(s, "B");  // B001: issued after A001
  REQUIRE(s.engine->call_next(1).value().label == "A001");
  s.clock.advance_s(120);
  const Ticket moved = s.engine->transfer(1, "B").value();
  CHECK(moved.label == "A001");
  CHECK(moved.service_code == "B");
  CHECK(moved.state == TicketState::Waiting);
  CHECK_FALSE(moved.transferred_from.empty());
  issue(s, "B");  // B002
  // A001 was issued before B001, so counter 2 calls it first.
  CHECK(serve_next(s, 2) == "A001");
  CHECK(serve_next(s, 2) == "B001");
  CHECK(serve_next(s, 2) == "B002");
  // Counter 1 is free again after the transfer.
  CHECK(s.engine->call_next(1).error().message.find("no one is waiting") == 0);
  // Statistics count A001 as one visit.
  CHECK(s.engine->day_stats(s.engine->today()).value().total.tickets == 3);
}

TEST_CASE("paused and closed counters do not call; a counter with a ticket must end it first") {
  TestStore s;
  issue(s, "A");
  issue(s, "A");
  auto closed = s.engine->call_next(1);
  CHECK(closed.error().message == "counter 1 is closed; open it first");
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->call_next(1).ok());
  CHECK(s.engine->call_next(1).error().message ==
        "counter 1 still has A001 (called); finish, mark no-show or transfer it first");
  CHECK(s.engine->pause_counter(1, "lunch").error().kind == ErrorKind::Refused);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const Counter paused = s.engine->pause_counter(1, "lunch").value();
  CHECK(paused.state == CounterState::Paused);
  CHECK(s.engine->call_next(1).error().message == "counter 1 is paused (lunch); open it first");
  CHECK(s.engine->pause_counter(1, "").error().kind == ErrorKind::InvalidArgument);
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  CHECK(s.engine->call_next(1).value().label == "A002");
}

TEST_CASE("tickets left waiting from an earlier business day are not called today") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  issue(s, "A");  // yesterday's A001, never called
  s.clock.advance_s(24 * 3600);
  issue(s, "A");  // today's A001
  const Ticket called = s.engine->call_next(1).value();
  CHECK(called.business_day == s.engine->today());
  CHECK(s.engine->finish(1, Outcome::Resolved).ok());
  CHECK(s.engine->call_next(1).error().kind == ErrorKind::Refused);
}

TEST_CASE("unknown counters and services are refused by name") {
  TestStore s;
  CHECK(s.engine->call_next(9).error().message == "unknown counter 9");
  CHECK(s.engine->call_next(9).error().kind == ErrorKind::InvalidArgument);
  CHECK(s.engine->open_counter(1, {"A", "Q"}).error().message == "unknown service \"Q\"");
  CHECK(s.engine->open_counter(1, {}).error().kind == ErrorKind::InvalidArgument);
}
