// Call events: every call and recall is logged in its own transaction, in
// order, and a refused call logs nothing. Reprints: failed prints listed and
// marked printed once.
#include <doctest/doctest.h>

#include "queue/call_events.h"
#include "schema_rollback.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("calls and recalls are logged in order; refusals log nothing") {
  TestStore s;
  Database& db = s.store->db();
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->open_counter(2, {"A"}).ok());
  CHECK_FALSE(s.engine->call_next(1).ok());  // nobody waiting
  CHECK(latest_call_event_seq(db) == 0);
  for (int i = 0; i < 3; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
  const Ticket first = s.engine->call_next(1).value();
  s.clock.advance_s(5);
  REQUIRE(s.engine->recall(1).ok());
  const Ticket second = s.engine->call_next(2).value();
  CHECK_FALSE(s.engine->call_next(2).ok());  // still has its ticket
  REQUIRE(s.engine->start(2).ok());
  CHECK_FALSE(s.engine->recall(2).ok());  // serving: no recall

  const std::vector<CallEvent> events = call_events_after(db, 0, 100);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == CallKind::Call);
  CHECK(events[0].ticket_label == first.label);
  CHECK(events[0].counter == 1);
  CHECK(events[1].kind == CallKind::Recall);
  CHECK(events[1].ticket_label == first.label);
  CHECK(events[1].at == events[0].at + 5000);
  CHECK(events[2].ticket_label == second.label);
  CHECK(events[2].counter == 2);
  CHECK(events[0].seq < events[1].seq);
  CHECK(events[1].seq < events[2].seq);
  CHECK(call_events_after(db, events[1].seq, 100).size() == 1);
  CHECK(call_events_after(db, 0, 2).size() == 2);
  CHECK(latest_call_event_seq(db) == events[2].seq);
}

TEST_CASE("a no-show and a transfer end the call with an event of their own; a finish does not") {
  TestStore s;
  Database& db = s.store->db();
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  for (int i = 0; i < 3; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
  const Ticket missed = s.engine->call_next(1).value();
  REQUIRE(s.engine->no_show(1).ok());
  const Ticket moved = s.engine->call_next(1).value();
  REQUIRE(s.engine->transfer(1, "E").ok());
  const Ticket served = s.engine->call_next(1).value();
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const std::vector<CallEvent> events = call_events_after(db, 0, 100);
  REQUIRE(events.size() == 5);
  CHECK(events[1].kind == CallKind::NoShow);
  CHECK(events[1].ticket_label == missed.label);
  CHECK(events[1].counter == 1);
  CHECK(events[3].kind == CallKind::Transfer);
  CHECK(events[3].ticket_label == moved.label);
  CHECK(events[3].service_code == "A");  // the service it left
  CHECK(events[4].kind == CallKind::Call);
  CHECK(events[4].ticket_label == served.label);
}

TEST_CASE("schema 9 keeps a store's call events and their numbering") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  for (int i = 0; i < 3; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
  REQUIRE(s.engine->call_next(1).ok());
  REQUIRE(s.engine->recall(1).ok());
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  REQUIRE(s.engine->call_next(1).ok());
  s.store->db().exec("DELETE FROM call_event WHERE seq = 3");  // the newest gone: its number stays used
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 8);
  QueueEngine engine(*reopened, s.clock);
  Database& db = reopened->db();
  REQUIRE(call_events_after(db, 0, 100).size() == 2);
  REQUIRE(engine.no_show(1).ok());  // a kind schema 8 refused
  const std::vector<CallEvent> events = call_events_after(db, 0, 100);
  REQUIRE(events.size() == 3);
  CHECK(events[2].kind == CallKind::NoShow);
  CHECK(events[2].seq == 4);  // never 3 again
}

TEST_CASE("a failed print is listed for reprint until marked printed") {
  TestStore s;
  const Ticket ok = s.engine->issue({"A", false, {}}).value().ticket;
  const Ticket failed = s.engine->issue({"B", false, {}}).value().ticket;
  REQUIRE(s.engine->record_print(ok.id, PrintState::Printed).ok());
  REQUIRE(s.engine->record_print(failed.id, PrintState::Failed).ok());
  const std::vector<Ticket> pending = s.engine->tickets_to_reprint().value();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].id == failed.id);
  CHECK(s.engine->mark_reprinted(ok.id).error().code == "unknown-ticket");
  CHECK(s.engine->mark_reprinted("no-such-id").error().code == "unknown-ticket");
  CHECK(s.engine->mark_reprinted(failed.id).value().print_state == PrintState::Printed);
  CHECK(s.engine->tickets_to_reprint().value().empty());
  CHECK(s.engine->mark_reprinted(failed.id).error().code == "unknown-ticket");
}
