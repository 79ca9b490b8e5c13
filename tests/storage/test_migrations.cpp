// Migrations: a store written by schema version 1 (before the customer kiosk)
// opens with this program, keeps every ticket, and gains the new columns.
#include <doctest/doctest.h>

#include "store/schema.h"
#include "schema_rollback.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

TEST_CASE("a version-1 store migrates to the latest schema with its tickets intact") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket issued = s.engine->issue({"A", false, {}}).value().ticket;
  // Roll the file back to what schema version 1 wrote.
  test::roll_back_schema(s.store->db(), 1);
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
