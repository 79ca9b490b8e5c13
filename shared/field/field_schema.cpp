// Migrations of the field tablet's database. Append a new entry for each
// change; never edit one that has shipped: tablets in the field were made by it.
#include "field/field_schema.h"

#include <array>

#include "store/migrations.h"

namespace kiosk {
namespace {

constexpr std::array<const char*, 1> kMigrations{
    // 1: the tablet's link with HQ, its one technician, the jobs from HQ's
    // feed, the technician's steps on their way to HQ as commands, and the
    // customers' signatures on their way up as records.
    R"sql(
-- One row: this database's incarnation (made at creation, and anew when a
-- revoked tablet is wiped: its outbox sequence restarts at 1), where HQ is,
-- how far each stream got, how the last round went.
CREATE TABLE device_config (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  incarnation TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  hq_url TEXT NOT NULL DEFAULT '',
  token TEXT NOT NULL DEFAULT '',
  changes_after INTEGER NOT NULL DEFAULT 0,  -- HQ's feed cursor
  acked_through INTEGER NOT NULL DEFAULT 0,  -- outbox seqs HQ holds, for this incarnation
  last_sync_at INTEGER,                      -- device clock, like the three below
  last_attempt_at INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  clock_offset_ms INTEGER,                   -- HQ's clock minus the device's, as last measured
  revoked_at INTEGER                         -- HQ answered revoked-device: wiped, logins refused
);
-- The technician the tablet is bound to, from HQ's feed (staff), with the
-- offline lockout of wrong PINs (device clock).
CREATE TABLE technician (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER
);
-- One job per request: `data` is the feed's entry as HQ last sent it; state,
-- version and the visit are the tablet's (its own steps applied at once, HQ's
-- state taken while none waits). final_at: HQ's clock when the tablet learnt
-- the job ended (done, closed, cancelled); purged_at: HQ's clock when the
-- customer's details were removed. `data` holds the entry without the
-- customer's name, phone, address and description: those are `private`, a
-- secretbox of their JSON (field_secrets.h), NULL once purged.
CREATE TABLE job (
  request_id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  store_id TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  scheduled_date TEXT,
  scheduled_window TEXT,
  data TEXT NOT NULL,
  private BLOB,
  final_at INTEGER,
  purged_at INTEGER
);
-- The technician's steps, each a command for HQ (its id the command id), in
-- the order taken; HQ's decision kept on the row (decided_at by HQ's clock),
-- `told` once the technician has seen a refusal. A step outlives its job
-- (reassigned away) until the technician was told.
CREATE TABLE job_step (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  request_id TEXT NOT NULL,
  request_code TEXT NOT NULL,
  store_id TEXT NOT NULL,
  from_state TEXT NOT NULL,
  action TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  at INTEGER NOT NULL,
  data TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('applied', 'conflict', 'rejected', 'dropped')),
  outcome_code TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  message_key TEXT NOT NULL DEFAULT '',
  decided_at INTEGER,
  told INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX job_step_undecided ON job_step(request_id, seq) WHERE outcome IS NULL;
-- A customer's signature of a completion, until HQ holds it.
CREATE TABLE signature (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL,
  request_code TEXT NOT NULL,
  store_id TEXT NOT NULL,
  png BLOB NOT NULL,
  at INTEGER NOT NULL
);
-- Records on their way up (POST /sync/v1/upload), one row per record written
-- by trigger in the record's own transaction. seq is max + 1 under the write
-- lock: gapless per incarnation; acknowledged rows are pruned except the
-- latest, so the sequence never restarts (a wipe starts a new incarnation).
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('signature')),
  record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TRIGGER signature_added_to_outbox AFTER INSERT ON signature BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('signature', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
)sql",
};

}  // namespace

int latest_field_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate_field_db(Database& db) { apply_migrations(db, kMigrations); }

}  // namespace kiosk
