// Every step of a ticket at a counter, its recorded times, and day statistics
// read back from the database.
#include <doctest/doctest.h>

#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("call, recall, start, finish record every time") {
  TestStore s;
  REQUIRE(s.engine->open_counter(2, {"A"}).ok());
  const EpochMs t0 = s.clock.now_ms();
  s.engine->issue({"A", false, {}}).value();
  s.clock.advance_s(300);
  const Ticket called = s.engine->call_next(2).value();
  CHECK(called.state == TicketState::Called);
  CHECK(called.counter == 2);
  CHECK(*called.called_at == t0 + 300'000);
  CHECK(s.engine->recall(2).value().recalls == 1);
  CHECK(s.engine->recall(2).value().recalls == 2);
  s.clock.advance_s(30);
  const Ticket serving = s.engine->start(2).value();
  CHECK(serving.state == TicketState::Serving);
  CHECK(s.engine->recall(2).error().kind == ErrorKind::Refused);
  CHECK(s.engine->no_show(2).error().kind == ErrorKind::Refused);
  s.clock.advance_s(240);
  const Ticket done = s.engine->finish(2, Outcome::FollowUp).value();
  CHECK(done.state == TicketState::Done);
  CHECK(done.outcome == Outcome::FollowUp);
  CHECK(done.issued_at == t0);
  CHECK(*done.started_at == t0 + 330'000);
  CHECK(*done.finished_at == t0 + 570'000);
  CHECK(s.engine->finish(2, Outcome::Resolved).error().message == "counter 2 has no called or serving ticket");

  const DayStats stats = s.engine->day_stats(s.engine->today()).value();
  CHECK(stats.total.tickets == 1);
  CHECK(*stats.total.average_wait_s == doctest::Approx(300));
  CHECK(*stats.total.average_service_s == doctest::Approx(240));
  CHECK(*stats.total.within_target_share == doctest::Approx(1.0));
}

TEST_CASE("no-show, cancel and finish without start") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  s.engine->issue({"A", false, {}}).value();  // A001: no-show
  s.engine->issue({"A", false, {}}).value();  // A002: finished without start
  s.engine->issue({"B", false, {}}).value();  // B001: cancelled while waiting
  CHECK(s.engine->call_next(1).value().label == "A001");
  s.clock.advance_s(60);
  CHECK(s.engine->no_show(1).value().state == TicketState::NoShow);
  CHECK(s.engine->cancel("B001").value().state == TicketState::Cancelled);
  CHECK(s.engine->cancel("B001").error().kind == ErrorKind::Refused);
  CHECK(s.engine->cancel("B777").error().message == "no ticket B777 today");
  CHECK(s.engine->cancel("hello").error().kind == ErrorKind::InvalidArgument);
  const Ticket called = s.engine->call_next(1).value();
  CHECK(called.label == "A002");
  s.clock.advance_s(90);
  const Ticket done = s.engine->finish(1, Outcome::Request).value();
  CHECK(*done.started_at == *called.called_at);
  const DayStats stats = s.engine->day_stats(s.engine->today()).value();
  CHECK(stats.total.no_shows == 1);
  CHECK(*stats.total.no_show_rate == doctest::Approx(0.5));
  CHECK(s.engine->day_stats("2026-02-30").error().kind == ErrorKind::InvalidArgument);
  CHECK(s.engine->day_stats("2020-01-01").value().total.tickets == 0);
}

TEST_CASE("the engine's view survives reopening the file") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket issued = s.engine->issue({"A", true, {}}).value().ticket;
  s.engine.reset();
  s.store.reset();
  auto reopened = StoreDb::open(s.dir.path());
  REQUIRE(reopened.ok());
  QueueEngine engine(*reopened.value(), s.clock);
  const Ticket called = engine.call_next(1).value();
  CHECK(called.id == issued.id);
  CHECK(called.priority);
  CHECK(reopened.value()->store_id() == "TEST-STORE");
}

TEST_CASE("a ticket carries a masked-later phone, an opaque token and its print state") {
  TestStore s;
  const Ticket plain = s.engine->issue({"A", false, {}}).value().ticket;
  CHECK(plain.phone.empty());
  CHECK(plain.token.size() == 20);
  CHECK(plain.token.find_first_of("01ILO") == std::string::npos);
  const Ticket with_phone = s.engine->issue({"A", false, "138 1234 5678"}).value().ticket;
  CHECK(with_phone.phone == "13812345678");
  CHECK(with_phone.token != plain.token);
  auto bad_phone = s.engine->issue({"A", false, "12345"});
  CHECK(bad_phone.error().code == "phone-format");
  CHECK(s.engine->issue({"A", false, {}}).value().ticket.label == "A003");  // the refused one used no number
  CHECK(plain.print_state == PrintState::NotPrinted);
  CHECK(s.engine->record_print(plain.id, PrintState::Failed).value().print_state == PrintState::Failed);
  CHECK(s.engine->record_print(plain.id, PrintState::Printed).value().print_state == PrintState::Printed);
  CHECK(s.engine->record_print("nope", PrintState::Printed).error().kind == ErrorKind::InvalidArgument);
}
