// Migrations: a store written by schema version 1 (before the customer kiosk)
// opens with this program, keeps every ticket, and gains the new columns
// (the shown estimate at 10, who called a ticket at 12, its language at 13, help
// articles and their uses at 14, enrolled devices at 15).
#include <doctest/doctest.h>

#include "codec/queue_json.h"
#include "kb/kb_book.h"
#include "schema_rollback.h"
#include "staff/device_book.h"
#include "store/schema.h"
#include "support/test_store.h"
#include "sync/sync_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("a version-1 store migrates to the latest schema with its tickets intact") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket issued = s.engine->issue({"A", false, {}}).value().ticket;
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 1);  // as schema version 1 wrote it
  QueueEngine engine(*reopened, s.clock);
  const Ticket called = engine.call_next(1).value();
  CHECK(called.id == issued.id);
  CHECK(called.print_state == PrintState::NotPrinted);
  CHECK(called.token.empty());
  CHECK(engine.issue({"A", false, "13812345678"}).value().ticket.phone == "13812345678");
}

TEST_CASE("a version-9 store gains the shown estimate: its tickets are kept with none, new tickets store theirs") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket served = s.engine->issue({"A", false, {}}).value().ticket;
  const Ticket waiting = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  s.clock.advance_s(300);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 9);
  QueueEngine engine(*reopened, s.clock);
  const std::optional<Ticket> kept = find_ticket(reopened->db(), served.id);
  REQUIRE(kept);
  CHECK(kept->state == TicketState::Done);
  CHECK_FALSE(kept->estimated_wait_min);  // issued before any estimate was stored
  const DayStats before = engine.day_stats(engine.today()).value();
  CHECK(before.total.tickets == 2);
  CHECK(before.total.estimates_scored == 0);
  // The recent call (5 minutes) still makes the service's time per ticket: one waits ahead.
  const Ticket next = engine.issue({"A", false, {}}).value().ticket;
  CHECK(next.estimated_wait_min == 5);
  CHECK(engine.call_next(1).value().id == waiting.id);
}

TEST_CASE("a version-11 store gains who called a ticket: its tickets are kept with nobody, new calls record them") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket served = s.engine->issue({"A", false, {}}).value().ticket;
  const Ticket waiting = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 11);
  QueueEngine engine(*reopened, s.clock);
  const std::optional<Ticket> kept = find_ticket(reopened->db(), served.id);
  REQUIRE(kept);
  CHECK(kept->state == TicketState::Done);
  CHECK(kept->counter == 1);
  CHECK(kept->staff_id.empty());
  CHECK(to_json(*kept)["staff_id"].is_null());  // uploaded as nobody known
  const Ticket called = engine.call_next(1, "staff-7").value();
  CHECK(called.id == waiting.id);
  CHECK(called.staff_id == "staff-7");
  CHECK(find_ticket(reopened->db(), waiting.id)->staff_id == "staff-7");
}

TEST_CASE("a version-12 store gains the ticket's language: its tickets are kept with none, new tickets store theirs") {
  TestStore s;
  const Ticket old = s.engine->issue({"A", false, {}}).value().ticket;
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 12);
  QueueEngine engine(*reopened, s.clock);
  const std::optional<Ticket> kept = find_ticket(reopened->db(), old.id);
  REQUIRE(kept);
  CHECK(kept->language.empty());
  CHECK(to_json(*kept)["language"].is_null());  // uploaded as not known
  CHECK(kept->token == old.token);
  const Ticket taken = engine.issue({"A", false, {}, "en"}).value().ticket;
  CHECK(taken.language == "en");
  CHECK(to_json(taken)["language"] == "en");
}

TEST_CASE("a version-13 store gains help articles: its waiting outbox rows keep their numbers, uses queue after") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->issue({"A", false, {}}).ok());
  REQUIRE(s.engine->call_next(1).ok());
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 13);
  SyncStore sync(*reopened, s.clock);
  const std::vector<OutboxRecord> before = sync.pending(100).value();
  REQUIRE(before.size() == 2);
  KbBook book(*reopened, s.clock);
  CHECK(book.articles().value().empty());  // `kioskctl kb import` gives a store without HQ the shipped set
  {
    Transaction tx(reopened->db());
    store_kb_articles(reopened->db(), read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl").value(),
                      s.clock.now_ms());
    tx.commit();
  }
  const std::string use = book.opened(book.articles().value().front().id, KbSource::Browse, false).value();
  const std::vector<OutboxRecord> after = sync.pending(100).value();
  REQUIRE(after.size() == 3);
  CHECK(after[0].seq == before[0].seq);
  CHECK(after[1].seq == before[1].seq);
  CHECK(after[2].kind == "kb_use");
  CHECK(after[2].id == use);
  CHECK(after[2].seq == before[1].seq + 1);
}

TEST_CASE("a version-14 store gains enrolled devices: none at first, so every counter and display enrols once") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  REQUIRE(s.engine->issue({"A", false, {}}).ok());
  const std::unique_ptr<StoreDb> reopened = test::reopen_rolled_back(s, 14);
  DeviceBook devices(*reopened, s.clock);
  CHECK(devices.list().value().empty());
  CHECK(devices.enrol(devices.issue_code("").value().code, DeviceKind::Display, "Hall").ok());
  CHECK(QueueEngine(*reopened, s.clock).call_next(1).ok());
}
