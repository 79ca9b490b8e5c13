// Migrations: a store written by schema version 1 (before the customer kiosk)
// opens with this program, keeps every ticket, and gains the new columns.
#include <doctest/doctest.h>

#include "store/schema.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("a version-1 store migrates to the latest schema with its tickets intact") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket issued = s.engine->issue({"A", false, {}}).value().ticket;
  // Roll the file back to what schema version 1 wrote.
  Database& db = s.store->db();
  db.exec("DROP TABLE request_command;");  // schema 7 (its trigger goes with request_event)
  db.exec("DROP TRIGGER request_rating_added_to_outbox; DROP TABLE request_rating;");  // schema 6
  db.exec("DROP TABLE request_lookup_attempt; DROP TABLE request_event; DROP TABLE request; "
          "DROP TABLE product_problem; DROP TABLE problem_category; DROP TABLE product_category;");  // schema 5
  db.exec("DROP TABLE hq_config; DROP TABLE sync_state; DROP TRIGGER ticket_added_to_outbox; "
          "DROP TRIGGER ticket_changed_to_outbox; DROP TRIGGER rating_added_to_outbox; DROP TABLE outbox;");  // schema 4
  db.exec("DROP TABLE call_event; DROP TABLE staff_session; DROP TABLE staff;");  // schema 3
  db.exec("DROP TABLE rating; DROP INDEX ticket_token; DROP INDEX ticket_print_failed;");
  db.exec("ALTER TABLE ticket DROP COLUMN phone; ALTER TABLE ticket DROP COLUMN token; "
          "ALTER TABLE ticket DROP COLUMN print_state; PRAGMA user_version = 1;");
  s.engine.reset();
  s.store.reset();

  auto reopened = StoreDb::open(s.dir.path());
  REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error().message));
  CHECK(reopened.value()->db().pragma_int("user_version") == latest_schema_version());
  QueueEngine engine(*reopened.value(), s.clock);
  const Ticket called = engine.call_next(1).value();
  CHECK(called.id == issued.id);
  CHECK(called.print_state == PrintState::NotPrinted);
  CHECK(called.token.empty());
  CHECK(engine.issue({"A", false, "13812345678"}).value().ticket.phone == "13812345678");
}
