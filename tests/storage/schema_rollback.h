// Turns a freshly created store file back into what an older program wrote,
// so migration tests can open it with this one: drops what each later schema
// version added, newest first, and sets user_version.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "store/schema.h"
#include "store/sqlite.h"
#include "store/store_db.h"
#include "support/test_store.h"

namespace kiosk::test {

inline void roll_back_schema(Database& db, int to_version) {
  if (to_version < 15) db.exec("DROP TABLE device_enrol_failure; DROP TABLE device_enrol_code; DROP TABLE device;");
  if (to_version < 14) db.exec("DROP TABLE kb_use; DROP TABLE kb_article;");
  if (to_version < 13)
    db.exec(
        "ALTER TABLE ticket DROP COLUMN language; ALTER TABLE sync_state DROP COLUMN queue_posted_hash; "
        "ALTER TABLE sync_state DROP COLUMN queue_posted_at; ALTER TABLE sync_state DROP COLUMN "
        "queue_endpoint_missing_at;");
  if (to_version < 12) db.exec("ALTER TABLE ticket DROP COLUMN staff_id;");
  if (to_version < 11) db.exec("ALTER TABLE problem_category DROP COLUMN kinds;");
  if (to_version < 10)
    db.exec(
        "DROP INDEX ticket_call_ended; CREATE INDEX ticket_done ON ticket(service_code, finished_at) WHERE state = "
        "'done'; "
        "ALTER TABLE ticket DROP COLUMN estimated_wait_min;");
  if (to_version < 9)  // call_event as versions 3-8 made it: calls and recalls only
    db.exec(
        "DELETE FROM call_event WHERE kind NOT IN ('call', 'recall'); "
        "CREATE TABLE call_event_3 (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
        "kind TEXT NOT NULL CHECK (kind IN ('call', 'recall')), ticket_label TEXT NOT NULL, "
        "service_code TEXT NOT NULL, counter INTEGER NOT NULL, at INTEGER NOT NULL); "
        "INSERT INTO call_event_3 SELECT * FROM call_event; DELETE FROM sqlite_sequence WHERE name = 'call_event_3'; "
        "INSERT INTO sqlite_sequence(name, seq) SELECT 'call_event_3', seq FROM sqlite_sequence WHERE name = "
        "'call_event'; "
        "DROP TABLE call_event; "
        "ALTER TABLE call_event_3 RENAME TO call_event;");
  if (to_version < 8) db.exec("DROP TABLE printer_state;");
  if (to_version < 7) db.exec("DROP TABLE request_command;");  // its trigger goes with request_event
  if (to_version < 6) db.exec("DROP TRIGGER request_rating_added_to_outbox; DROP TABLE request_rating;");
  if (to_version < 5)
    db.exec(
        "DROP TABLE request_lookup_attempt; DROP TABLE request_event; DROP TABLE request; "
        "DROP TABLE product_problem; DROP TABLE problem_category; DROP TABLE product_category;");
  if (to_version < 4)
    db.exec(
        "DROP TABLE hq_config; DROP TABLE sync_state; DROP TRIGGER ticket_added_to_outbox; "
        "DROP TRIGGER ticket_changed_to_outbox; DROP TRIGGER rating_added_to_outbox; DROP TABLE outbox;");
  if (to_version < 3) db.exec("DROP TABLE call_event; DROP TABLE staff_session; DROP TABLE staff;");
  if (to_version < 2)
    db.exec(
        "DROP TABLE rating; DROP INDEX ticket_token; DROP INDEX ticket_print_failed; "
        "ALTER TABLE ticket DROP COLUMN phone; ALTER TABLE ticket DROP COLUMN token; "
        "ALTER TABLE ticket DROP COLUMN print_state;");
  db.exec("PRAGMA user_version = " + std::to_string(to_version) + ";");
}

// The test store rolled back to `to_version`, closed, and opened again by this
// program (which migrates it); REQUIREs that it opened at the latest version.
inline std::unique_ptr<StoreDb> reopen_rolled_back(TestStore& s, int to_version) {
  roll_back_schema(s.store->db(), to_version);
  s.engine.reset();
  s.store.reset();
  Result<std::unique_ptr<StoreDb>> reopened = StoreDb::open(s.dir.path());
  REQUIRE_MESSAGE(reopened.ok(), (reopened.ok() ? "" : reopened.error().message));
  REQUIRE(reopened.value()->db().pragma_int("user_version") == latest_schema_version());
  return std::move(reopened).value();
}

}  // namespace kiosk::test
