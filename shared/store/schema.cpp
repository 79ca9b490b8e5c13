// Migrations of the store database. Append a new entry for each change; never
// edit one that has shipped: databases in the field were made by it.
#include "store/schema.h"

#include <array>
#include <string>

namespace kiosk {
namespace {

constexpr std::array<const char*, 15> kMigrations{
    // 1: store, catalogue, counters, ticket numbering and tickets.
    R"sql(
CREATE TABLE store (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  store_id TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  priority_interleave INTEGER NOT NULL CHECK (priority_interleave >= 1),
  incarnation TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE service (
  code TEXT PRIMARY KEY CHECK (length(code) = 1 AND code BETWEEN 'A' AND 'Z'),
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  priority_allowed INTEGER NOT NULL,
  wait_target_min INTEGER NOT NULL,
  typical_service_min INTEGER NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE counter (
  number INTEGER PRIMARY KEY CHECK (number > 0),
  state TEXT NOT NULL DEFAULT 'closed',
  pause_reason TEXT NOT NULL DEFAULT '',
  services TEXT NOT NULL DEFAULT '',
  priority_streak INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE number_sequence (
  business_day TEXT NOT NULL,
  prefix TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (business_day, prefix)
) WITHOUT ROWID;
CREATE TABLE ticket (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  business_day TEXT NOT NULL,
  service_code TEXT NOT NULL REFERENCES service(code),
  prefix TEXT NOT NULL,
  number INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  state TEXT NOT NULL,
  counter INTEGER,
  outcome TEXT,
  recalls INTEGER NOT NULL DEFAULT 0,
  issued_at INTEGER NOT NULL,
  queued_since INTEGER NOT NULL,
  called_at INTEGER,
  started_at INTEGER,
  finished_at INTEGER,
  transferred_from TEXT,
  transferred_to TEXT
);
CREATE UNIQUE INDEX ticket_number_once ON ticket(business_day, prefix, number) WHERE transferred_from IS NULL;
CREATE INDEX ticket_waiting ON ticket(business_day, priority, queued_since, seq) WHERE state = 'waiting';
CREATE INDEX ticket_active ON ticket(counter) WHERE state IN ('called', 'serving');
CREATE INDEX ticket_by_day ON ticket(business_day);
CREATE INDEX ticket_done ON ticket(service_code, finished_at) WHERE state = 'done';
)sql",
    // 2: the customer kiosk: optional phone, the QR token, print state, ratings.
    R"sql(
ALTER TABLE ticket ADD COLUMN phone TEXT;
ALTER TABLE ticket ADD COLUMN token TEXT;
ALTER TABLE ticket ADD COLUMN print_state TEXT NOT NULL DEFAULT 'not-printed';
CREATE UNIQUE INDEX ticket_token ON ticket(token) WHERE token IS NOT NULL;
CREATE INDEX ticket_print_failed ON ticket(business_day) WHERE print_state = 'failed';
CREATE TABLE rating (
  id TEXT PRIMARY KEY,
  ticket_id TEXT NOT NULL UNIQUE REFERENCES ticket(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  reasons TEXT NOT NULL DEFAULT '',
  counter INTEGER,
  created_at INTEGER NOT NULL
);
)sql",
    // 3: the store node's LAN API: staff with hashed PINs, their sessions (only
    // a hash of each token), and the call events that displays follow.
    R"sql(
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE staff_session (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  counter INTEGER NOT NULL REFERENCES counter(number),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE call_event (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'recall')),
  ticket_label TEXT NOT NULL,
  service_code TEXT NOT NULL,
  counter INTEGER NOT NULL,
  at INTEGER NOT NULL
);
)sql",
    // 4: sync with HQ (docs/hq-sync-protocol.md). Every ticket or rating change
    // appends an outbox row in the same transaction, by trigger, so no write
    // path (the engine, kioskctl, another process, the day's bulk cancel) can
    // forget one. `seq` is max+1 under the write lock: gapless per database
    // (store.incarnation); acknowledged rows are pruned except the latest, so
    // the sequence never restarts. created_at is the wall clock, only for
    // the age of the oldest unsent row. Records made before this version are
    // queued once, in their order.
    R"sql(
CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'rating')),
  record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TRIGGER ticket_added_to_outbox AFTER INSERT ON ticket BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('ticket', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER ticket_changed_to_outbox AFTER UPDATE ON ticket BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('ticket', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER rating_added_to_outbox AFTER INSERT ON rating BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('rating', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
INSERT INTO outbox(kind, record_id, created_at) SELECT 'ticket', id, issued_at FROM ticket ORDER BY seq;
INSERT INTO outbox(kind, record_id, created_at) SELECT 'rating', id, created_at FROM rating ORDER BY created_at, id;
-- Where this store syncs, how far HQ has acknowledged the outbox and how far
-- the store has applied HQ's change feed, and how the last round went.
CREATE TABLE sync_state (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  hq_url TEXT NOT NULL DEFAULT '',
  device_token TEXT NOT NULL DEFAULT '',
  acked_through INTEGER NOT NULL DEFAULT 0,
  changes_after INTEGER NOT NULL DEFAULT 0,
  parked INTEGER NOT NULL DEFAULT 0,
  last_sync_at INTEGER,
  last_attempt_at INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  clock_offset_ms INTEGER
);
INSERT INTO sync_state(singleton) VALUES (1);
-- HQ's configuration as last received, by kind and key (services and staff are
-- also applied to their own tables; assignments and request status wait here
-- for the requests feature).
CREATE TABLE hq_config (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  data TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
)sql",
    // 5: repair and installation requests (shared/requests, docs/requests.md):
    // the product catalogue, requests with a version per state change, their
    // events (kept for good: never updated or deleted), the customer status
    // lookup's attempt counters. Requests and events enter the sync outbox by
    // trigger like tickets; a request only when its version moves, so the
    // privacy purge (which keeps the version) never uploads blanked fields.
    // The outbox is rebuilt to admit the two new kinds (a CHECK cannot be
    // altered); legacy_alter_table keeps the rename from checking the ticket
    // and rating triggers while the table is briefly missing.
    R"sql(
CREATE TABLE product_category (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE problem_category (
  code TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE product_problem (
  product TEXT NOT NULL REFERENCES product_category(code),
  problem TEXT NOT NULL REFERENCES problem_category(code),
  sort_order INTEGER NOT NULL,
  PRIMARY KEY (product, problem)
) WITHOUT ROWID;
CREATE TABLE request (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('repair', 'installation')),
  product TEXT NOT NULL,
  model TEXT NOT NULL,
  serial TEXT NOT NULL,
  purchase_date TEXT NOT NULL,
  problem TEXT NOT NULL,
  description TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  on_site INTEGER NOT NULL,
  address TEXT NOT NULL,
  preferred_date TEXT NOT NULL,
  time_window TEXT,
  urgency TEXT NOT NULL,
  consent_at INTEGER NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  assignee TEXT NOT NULL DEFAULT '',
  scheduled_date TEXT NOT NULL DEFAULT '',
  scheduled_window TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  purged_at INTEGER
);
CREATE INDEX request_by_state ON request(state, created_at);
CREATE INDEX request_to_purge ON request(closed_at) WHERE purged_at IS NULL AND closed_at IS NOT NULL;
CREATE TABLE request_event (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  request_id TEXT NOT NULL REFERENCES request(id),
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  from_state TEXT,
  to_state TEXT NOT NULL,
  note TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX request_event_by_request ON request_event(request_id, seq);
CREATE TRIGGER request_event_never_changed BEFORE UPDATE ON request_event BEGIN
  SELECT RAISE(ABORT, 'request events are kept for good');
END;
CREATE TRIGGER request_event_never_deleted BEFORE DELETE ON request_event BEGIN
  SELECT RAISE(ABORT, 'request events are kept for good');
END;
CREATE TABLE request_lookup_attempt (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  blocked_until INTEGER NOT NULL
) WITHOUT ROWID;
PRAGMA legacy_alter_table = ON;
CREATE TABLE outbox_v5 (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'rating', 'request', 'request_event')),
  record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO outbox_v5(seq, kind, record_id, created_at) SELECT seq, kind, record_id, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
PRAGMA legacy_alter_table = OFF;
CREATE TRIGGER request_added_to_outbox AFTER INSERT ON request BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('request', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER request_changed_to_outbox AFTER UPDATE OF version ON request WHEN NEW.version <> OLD.version BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('request', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER request_event_added_to_outbox AFTER INSERT ON request_event BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('request_event', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
)sql",
    // 6: the technician's side of requests. One rating per request (by the
    // customer kiosk or the technician's device at completion), uploaded
    // through the outbox like ticket ratings (the outbox is rebuilt once more
    // to admit the kind, as in 5). A request may come from a finished ticket
    // at the counter (source_ticket_id); a technician's completion records
    // when the customer confirmed it (customer_confirmed_at). A technician's session is bound to
    // no counter, so staff_session.counter becomes nullable (rebuilt: a NOT
    // NULL cannot be dropped). Jobs are found by assignee; stale lookup
    // attempts are pruned by age.
    R"sql(
CREATE TABLE request_rating (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL UNIQUE REFERENCES request(id),
  request_code TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  reasons TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  rated_by TEXT NOT NULL CHECK (rated_by IN ('customer-kiosk', 'technician-device')),
  technician TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
ALTER TABLE request ADD COLUMN source_ticket_id TEXT REFERENCES ticket(id);
ALTER TABLE request ADD COLUMN customer_confirmed_at INTEGER;
CREATE INDEX request_by_assignee ON request(assignee, state) WHERE assignee <> '';
CREATE INDEX request_lookup_attempt_by_age ON request_lookup_attempt(last_failure_at);
PRAGMA legacy_alter_table = ON;
CREATE TABLE staff_session_v6 (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff(id),
  counter INTEGER REFERENCES counter(number),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO staff_session_v6 SELECT token_hash, staff_id, counter, created_at, expires_at FROM staff_session;
DROP TABLE staff_session;
ALTER TABLE staff_session_v6 RENAME TO staff_session;
CREATE TABLE outbox_v6 (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'rating', 'request', 'request_event', 'request_rating')),
  record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO outbox_v6(seq, kind, record_id, created_at) SELECT seq, kind, record_id, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v6 RENAME TO outbox;
PRAGMA legacy_alter_table = OFF;
CREATE TRIGGER request_rating_added_to_outbox AFTER INSERT ON request_rating BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('request_rating', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
)sql",
    // 7: every transition made at the store (an event not adopted from HQ)
    // is also a command for HQ (docs/hq-sync-protocol.md, "Commands from the
    // store"), queued by a trigger in the transaction of the transition; the
    // event's id is the command's id. HQ's decision is kept on the row.
    // Transitions made before this version reached HQ as uploaded records.
    // request.hq_acked_at: when HQ last acknowledged the request's latest
    // change (the privacy purge counts its days from then on a store with HQ).
    R"sql(
ALTER TABLE request ADD COLUMN hq_acked_at INTEGER;
CREATE TABLE request_command (
  id TEXT PRIMARY KEY,
  request_id TEXT NOT NULL REFERENCES request(id),
  from_state TEXT NOT NULL,
  action TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT CHECK (outcome IN ('applied', 'conflict', 'rejected', 'dropped')),
  code TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  decided_at INTEGER
);
CREATE INDEX request_command_undecided ON request_command(request_id, from_version) WHERE outcome IS NULL;
CREATE TRIGGER request_transition_to_command AFTER INSERT ON request_event
  WHEN NEW.from_state IS NOT NULL AND NEW.actor <> 'hq' BEGIN
  INSERT INTO request_command(id, request_id, from_state, action, from_version, at)
  VALUES (NEW.id, NEW.request_id, NEW.from_state, NEW.to_state, NEW.version - 1, NEW.at);
END;
)sql",
    // 8: the ticket printer's last known state (one row), written by the
    // process that prints; read by kioskctl status, the admin screen and the
    // health report sent to HQ with each sync.
    R"sql(
CREATE TABLE printer_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL CHECK (state IN ('ok', 'paper-near-end', 'paper-out', 'failed', 'unknown')),
  message TEXT NOT NULL DEFAULT '',
  checked_at INTEGER NOT NULL
);
)sql",
    // 9: a call that ends early (a no-show, a transfer to another service) is
    // an event too, so the calling display takes the ticket off the board. The
    // table is rebuilt for its wider CHECK; its AUTOINCREMENT counter is kept,
    // so no seq a display has seen is ever used again.
    R"sql(
CREATE TABLE call_event_9 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('call', 'recall', 'no-show', 'transfer')),
  ticket_label TEXT NOT NULL,
  service_code TEXT NOT NULL,
  counter INTEGER NOT NULL,
  at INTEGER NOT NULL
);
INSERT INTO call_event_9(seq, kind, ticket_label, service_code, counter, at)
  SELECT seq, kind, ticket_label, service_code, counter, at FROM call_event ORDER BY seq;
DELETE FROM sqlite_sequence WHERE name = 'call_event_9';
INSERT INTO sqlite_sequence(name, seq) SELECT 'call_event_9', seq FROM sqlite_sequence WHERE name = 'call_event';
DROP TABLE call_event;
ALTER TABLE call_event_9 RENAME TO call_event;
)sql",
    // 10: the wait estimate a ticket showed when it was issued (minutes; NULL
    // when none was shown), so day statistics can measure its error. The wait
    // estimate averages every call that ended (done, no-show, transferred),
    // not only done ones: the index of recent calls per service follows.
    R"sql(
ALTER TABLE ticket ADD COLUMN estimated_wait_min INTEGER;
DROP INDEX ticket_done;
CREATE INDEX ticket_call_ended ON ticket(service_code, finished_at) WHERE called_at IS NOT NULL AND finished_at IS NOT NULL;
)sql",
    // 11: the kinds of request a problem is offered for; a store's catalogue
    // from before has its install-* problems (the default file's codes) for
    // installations, the rest for repairs, until it is imported again.
    R"sql(
ALTER TABLE problem_category ADD COLUMN kinds TEXT NOT NULL DEFAULT 'repair'
  CHECK (kinds IN ('repair', 'installation', 'repair,installation'));
UPDATE problem_category SET kinds = 'installation' WHERE code LIKE 'install-%';
)sql",
    // 12: who called a ticket: the staff member logged in at the counter
    // (NULL for calls without a login, kioskctl's, and tickets called before).
    R"sql(
ALTER TABLE ticket ADD COLUMN staff_id TEXT;
)sql",
    // 13: the kiosk's language when a ticket was taken (its reminders and phone
    // page speak it; NULL for tickets taken before and through kioskctl); what
    // HQ last took of the live queue (a hash of its content, when) and when it
    // last had no endpoint for it (sync/queue_post.h).
    R"sql(
ALTER TABLE ticket ADD COLUMN language TEXT CHECK (language IN ('zh', 'en'));
ALTER TABLE sync_state ADD COLUMN queue_posted_hash TEXT;
ALTER TABLE sync_state ADD COLUMN queue_posted_at INTEGER;
ALTER TABLE sync_state ADD COLUMN queue_endpoint_missing_at INTEGER;
)sql",
    // 14: help articles (docs/help-articles.md): HQ's articles as the feed
    // sent them (a new store is seeded with the default set), each with a
    // revision that grows on every change (the kiosk rebuilds its search index
    // when the highest one moves); one kb_use row per article a customer
    // opened, uploaded as record kind kb_use on insert and update. The outbox
    // is rebuilt to admit the kind, as in 6.
    R"sql(
CREATE TABLE kb_article (
  id TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  service TEXT NOT NULL,
  product TEXT,
  sort INTEGER NOT NULL,
  active INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE kb_use (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  business_day TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('zh', 'en')),
  source TEXT NOT NULL CHECK (source IN ('browse', 'search', 'ticket')),
  answer TEXT CHECK (answer IN ('helpful', 'not-helpful')),
  ticket TEXT
);
PRAGMA legacy_alter_table = ON;
CREATE TABLE outbox_v14 (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'rating', 'request', 'request_event', 'request_rating', 'kb_use')),
  record_id TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO outbox_v14(seq, kind, record_id, created_at) SELECT seq, kind, record_id, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v14 RENAME TO outbox;
PRAGMA legacy_alter_table = OFF;
CREATE TRIGGER kb_use_added_to_outbox AFTER INSERT ON kb_use BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('kb_use', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
CREATE TRIGGER kb_use_changed_to_outbox AFTER UPDATE ON kb_use BEGIN
  INSERT INTO outbox(kind, record_id, created_at)
  VALUES ('kb_use', NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
END;
)sql",
    // 15: the devices enrolled with the store node (counters, displays) and the
    // one-time codes that enrol them (docs/store-node-api.md "TLS and enrolled
    // devices"). Only hashes of tokens and codes are kept.
    R"sql(
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('counter', 'display', 'other')),
  token_hash TEXT NOT NULL UNIQUE,
  enrolled_at INTEGER NOT NULL,
  last_seen_at INTEGER,
  revoked_at INTEGER
);
CREATE TABLE device_enrol_code (
  code_hash TEXT PRIMARY KEY,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  voided_at INTEGER,
  device_id TEXT REFERENCES device(id)
) WITHOUT ROWID;
CREATE TABLE device_enrol_failure (
  at INTEGER NOT NULL
);
)sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(Database& db) {
  const int found = static_cast<int>(db.pragma_int("user_version"));
  if (found > latest_schema_version()) {
    throw SqliteError(SQLITE_ERROR, db.path() + " was written by a newer version of this program (schema " +
                                        std::to_string(found) + ", this program knows up to " +
                                        std::to_string(latest_schema_version()) + "); refusing to use it");
  }
  for (int version = found + 1; version <= latest_schema_version(); ++version) {
    Transaction tx(db);
    db.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    tx.commit();
  }
}

}  // namespace kiosk
