// HQ's SQLite engine (sqlite_hq_db.h): the schema and its migrations, the
// statements through shared/store/sqlite.h, the feed numbered by
// AUTOINCREMENT. Append a migration for each change; never edit one that has
// shipped.
#include "hq/sqlite_hq_db.h"

#include <array>
#include <map>
#include <mutex>

#include "hq/figure_schema.h"
#include "hq/followup_schema.h"
#include "hq/kb_schema.h"
#include "hq/public_schema.h"
#include "hq/request_event_schema.h"
#include "hq/technician_schema.h"
#include "store/sqlite.h"

namespace kiosk::hq {
namespace {

constexpr std::array<const char*, kHqSchemaVersion> kMigrations{
    // 1: stores, devices, uploaded and parked records, the change feed and the
    // configuration HQ owns.
    R"sql(
CREATE TABLE hq_store (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  last_seen_at INTEGER
);
-- Per device and database incarnation: every seq up to acked_through has been
-- received; received_seq holds only those received above it (out of order).
CREATE TABLE device_stream (
  device_id TEXT NOT NULL REFERENCES device(id),
  incarnation TEXT NOT NULL,
  acked_through INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, incarnation)
) WITHOUT ROWID;
CREATE TABLE received_seq (
  device_id TEXT NOT NULL,
  incarnation TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (device_id, incarnation, seq)
) WITHOUT ROWID;
CREATE TABLE upload_batch (
  device_id TEXT NOT NULL,
  batch_key TEXT NOT NULL,
  records INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, batch_key)
) WITHOUT ROWID;
-- The latest revision of every record a device created.
CREATE TABLE record (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  revision INTEGER NOT NULL,
  data TEXT NOT NULL,
  device_id TEXT NOT NULL,
  incarnation TEXT NOT NULL,
  seq INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  first_received_at INTEGER NOT NULL
);
CREATE INDEX record_by_store ON record(store_id, kind);
CREATE TABLE parked_record (
  device_id TEXT NOT NULL,
  incarnation TEXT NOT NULL,
  seq INTEGER NOT NULL,
  store_id TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  raw TEXT NOT NULL,
  parked_at INTEGER NOT NULL,
  PRIMARY KEY (device_id, incarnation, seq)
) WITHOUT ROWID;
-- HQ's change feed: the whole state of one object per row; store_id NULL is
-- for every store (the catalogue).
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  store_id TEXT,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  data TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE TABLE service (
  code TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  active INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  updated_at INTEGER NOT NULL,
  UNIQUE (store_id, name)
);
CREATE TABLE assignment (
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  request_code TEXT NOT NULL,
  technician_id TEXT NOT NULL REFERENCES staff(id),
  assigned_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, request_code)
) WITHOUT ROWID;
)sql",
    // 2: request status decided at HQ (hq_commands.h) and every command that
    // asked for a transition, with its outcome as it stands.
    R"sql(
CREATE TABLE request_status (
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  request_code TEXT NOT NULL,
  request_id TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  last_command TEXT,
  before_state TEXT,
  before_version INTEGER,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (store_id, request_code)
) WITHOUT ROWID;
CREATE TABLE request_command (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL REFERENCES hq_store(id),
  device_id TEXT,
  request_code TEXT NOT NULL,
  to_state TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  at INTEGER NOT NULL,
  data TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  status TEXT,
  version INTEGER,
  code TEXT NOT NULL,
  message TEXT NOT NULL
);
)sql",
    // 3: each device's latest health report (hq/device_health.h), as HQ
    // received it with a sync request, and the reports it had to ignore.
    R"sql(
CREATE TABLE device_health (
  device_id TEXT PRIMARY KEY REFERENCES device(id),
  received_at INTEGER NOT NULL,
  version TEXT NOT NULL,
  started_at INTEGER,
  printer_state TEXT,
  printer_message TEXT,
  printer_checked_at INTEGER,
  pending INTEGER NOT NULL,
  oldest_pending_s INTEGER,
  database_bytes INTEGER NOT NULL,
  disk_free_bytes INTEGER NOT NULL,
  disk_total_bytes INTEGER NOT NULL,
  integrity TEXT NOT NULL,
  store_time INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE device_health_ignored (
  device_id TEXT PRIMARY KEY REFERENCES device(id),
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  last_reason TEXT NOT NULL
) WITHOUT ROWID;
)sql",
    // 4: the console's figures (hq/figure_store.h): per business day, store,
    // service and block of tickets a ledger of them and its sums, kept as
    // records arrive; sums per month and store, and of every store per month
    // and day, made when a report needs them; ratings whose ticket HQ has
    // not seen yet; each store's time zone (for hours of the day); the
    // console's users, sessions and audit list.
    R"sql(
ALTER TABLE hq_store ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai';
-- A block is up to 100 tickets by number (A101..A200: block 1), so a batch
-- rewrites ledgers of about its own size, however busy the day. Day first:
-- every store's day is one range.
CREATE TABLE figure_ledger (
  store_id TEXT NOT NULL,
  day TEXT NOT NULL,
  service TEXT NOT NULL,
  block INTEGER NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  updated_at INTEGER NOT NULL DEFAULT 0,
  -- last: the sums before it are read without its overflow pages
  ledger TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (day, store_id, service, block)
) WITHOUT ROWID;
CREATE INDEX figure_ledger_by_store ON figure_ledger(store_id, day);
CREATE TABLE figure_month (
  store_id TEXT NOT NULL,
  month TEXT NOT NULL,
  service TEXT NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  PRIMARY KEY (month, store_id, service)
) WITHOUT ROWID;
-- Every store's sums per service of a month (YYYY-MM) or of a day over
-- (YYYY-MM-DD), for reports of all stores.
CREATE TABLE figure_total (
  period TEXT NOT NULL,
  service TEXT NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  PRIMARY KEY (period, service)
) WITHOUT ROWID;
-- What is made: a month's figure_month and figure_total rows, or a day's
-- figure_total rows, made from the ledgers when a report first needs them; a
-- ledger of that period written later removes the mark.
CREATE TABLE figure_made (
  period TEXT PRIMARY KEY,
  made_at INTEGER NOT NULL
);
CREATE TABLE orphan_rating (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  reasons TEXT NOT NULL
);
CREATE INDEX orphan_rating_by_store ON orphan_rating(store_id);
-- built = 0 until the figures of the records stored before schema 4 are made.
CREATE TABLE figure_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  built INTEGER NOT NULL
);
INSERT INTO figure_state(id, built) VALUES (1, 0);
-- The console (hq/console_auth.h): its users, their sessions (only a hash
-- of each token), and every change made through it or hq's commands.
-- The console's alerts (hq/console_alerts.h): a row per condition while it
-- lasts and after it cleared, acknowledged with a comment.
CREATE TABLE console_alert (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  cleared_at INTEGER,
  acked_at INTEGER,
  acked_by TEXT,
  ack_comment TEXT
);
CREATE INDEX console_alert_by_time ON console_alert(opened_at);
-- Ratings given in the last hour (by the store's clock), for bursts of
-- unhappy ones.
CREATE TABLE recent_rating (
  id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  rated_at INTEGER NOT NULL
);
CREATE INDEX recent_rating_by_store ON recent_rating(store_id, rated_at);
CREATE TABLE console_user (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  created_at INTEGER NOT NULL
);
CREATE TABLE console_session (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES console_user(id),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
);
CREATE TABLE console_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL
);
)sql",
    // 5: every request as it stands (the upload, or HQ's later decision), for
    // the dispatch board and the request reports; the console's settings.
    R"sql(
CREATE TABLE hq_request (
  store_id TEXT NOT NULL,
  code TEXT NOT NULL,
  record_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  product TEXT NOT NULL,
  problem TEXT NOT NULL,
  urgency TEXT NOT NULL,
  state TEXT NOT NULL,
  version INTEGER NOT NULL,
  assignee TEXT,
  scheduled_date TEXT,
  scheduled_window TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  PRIMARY KEY (store_id, code)
);
CREATE INDEX hq_request_by_state ON hq_request(state, store_id);
INSERT OR IGNORE INTO hq_request(store_id, code, record_id, kind, product, problem, urgency, state, version, assignee,
  scheduled_date, scheduled_window, created_at, updated_at, closed_at)
SELECT store_id, j ->> 'code', id, COALESCE(j ->> 'kind', 'repair'), COALESCE(j ->> 'product', ''),
  COALESCE(j ->> 'problem', ''), COALESCE(j ->> 'urgency', 'normal'), COALESCE(j ->> 'state', 'received'),
  COALESCE(j ->> 'version', 1), j ->> 'assignee', j ->> 'scheduled_date', j ->> 'scheduled_window',
  COALESCE(j ->> 'created_at', received_at), COALESCE(j ->> 'updated_at', received_at), j ->> 'closed_at'
FROM (SELECT store_id, id, received_at, data AS j FROM record WHERE kind = 'request') r
WHERE j ->> 'code' IS NOT NULL;
-- HQ's decisions after the request's last upload, with what its own commands set.
UPDATE hq_request SET state = s.state, version = s.version, updated_at = s.updated_at,
  assignee = COALESCE((SELECT c.data ->> 'assignee' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'assigned' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), assignee),
  scheduled_date = COALESCE((SELECT c.data ->> 'scheduled_date' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'scheduled' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), scheduled_date),
  scheduled_window = COALESCE((SELECT c.data ->> 'scheduled_window' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'scheduled' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), scheduled_window)
FROM request_status s
WHERE s.store_id = hq_request.store_id AND s.request_code = hq_request.code AND s.version > hq_request.version;
CREATE TABLE console_setting (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
)sql",
    // 6: every step of every request (its uploaded request_event records),
    // for the requests' outcomes: done, first-time fixed, reopened; HQ's
    // product catalogue.
    KIOSK_HQ_SCHEMA_6_TABLES R"sql(
INSERT OR IGNORE INTO hq_request_event(id, store_id, request_id, state, at)
SELECT id, store_id, data ->> 'request', data ->> 'event', COALESCE(data ->> 'at', received_at) FROM record
WHERE kind = 'request_event' AND data ->> 'request' IS NOT NULL AND data ->> 'event' IS NOT NULL;
)sql" KIOSK_HQ_SCHEMA_6_OUTCOMES,
    // 7: technician devices; assignments become request commands.
    KIOSK_HQ_SCHEMA_7,
    // 8: the customer's phone pages: public settings, ticket pages, reminders.
    KIOSK_HQ_SCHEMA_8,
    // 9: help articles and what the kiosks counted of them.
    KIOSK_HQ_SCHEMA_9,
    // 10: follow-up calls and complaints (filled by followup_tasks.h on opening).
    KIOSK_HQ_SCHEMA_10,
};

StorageFailure failure(const SqliteError& e) {
  const StorageFailure::Kind kind = e.is_busy()        ? StorageFailure::Kind::Busy
                                    : e.is_disk_full() ? StorageFailure::Kind::DiskFull
                                    : e.is_read_only() ? StorageFailure::Kind::ReadOnly
                                                       : StorageFailure::Kind::Failed;
  return StorageFailure(kind, e.what());
}

// One writer at a time per file in this process: the hand-over of a mutex is
// quicker than SQLite's busy handler, which sleeps in steps of up to 100 ms.
std::mutex& writers_of(const std::string& path) {
  static std::mutex guard;
  static std::map<std::string, std::unique_ptr<std::mutex>> writers;
  std::lock_guard lock(guard);
  auto& slot = writers[path];
  if (!slot) slot = std::make_unique<std::mutex>();
  return *slot;
}

class StatementRow : public SqlRow {
 public:
  explicit StatementRow(const Statement& statement) : statement_(statement) {}
  bool is_null(int column) const override { return statement_.is_null(column); }
  std::int64_t int64(int column) const override { return statement_.int64(column); }
  std::string text(int column) const override { return statement_.text(column); }

 private:
  const Statement& statement_;
};

class SqliteHqDb : public HqDb {
 public:
  explicit SqliteHqDb(std::unique_ptr<Database> db) : db_(std::move(db)), writers_(writers_of(db_->path())) {}

  const char* engine() const override { return "sqlite"; }
  std::string where() const override { return db_->path(); }

  std::int64_t run(const std::string& sql, SqlParams params) override {
    try {
      bound(sql, params).run();
      return sqlite3_changes64(db_->handle());
    } catch (const SqliteError& e) {
      throw failure(e);
    }
  }

  void each(const std::string& sql, SqlParams params, const RowFn& row) override {
    try {
      Statement& statement = bound(sql, params);
      const StatementRow current(statement);
      try {
        while (statement.step()) row(current);
      } catch (...) {
        statement.reset();
        throw;
      }
      statement.reset();
    } catch (const SqliteError& e) {
      throw failure(e);
    }
  }

  std::string json_field(const std::string& column, const std::string& field) const override {
    return "json_extract(" + column + ", '$." + field + "')";
  }
  const char* record_insertion_order() const override { return "rowid"; }
  const char* for_update() const override { return ""; }
  void lock_key(const std::string&) override {}

  void append_change(const std::optional<std::string>& store_id, const std::string& kind, const std::string& key,
                     const nlohmann::ordered_json& data, EpochMs now,
                     const std::optional<std::string>& technician_id) override {
    run("INSERT INTO change_log(store_id, kind, key, data, at, technician_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        {store_id, kind, key, data.dump(), now, technician_id});
  }

  // Write transactions are serial and AUTOINCREMENT never reuses a seq, so
  // the largest one is the head.
  std::int64_t feed_head() override {
    return single_int64("SELECT coalesce(max(seq), 0) FROM change_log", {}).value_or(0);
  }
  // AUTOINCREMENT has counted the copied seqs already.
  void adopt_feed_head(std::int64_t) override {}

 protected:
  void begin_write() override {
    std::unique_lock hand_over(writers_);
    try {
      db_->exec("BEGIN IMMEDIATE");
    } catch (const SqliteError& e) {
      throw failure(e);
    }
    writing_ = std::move(hand_over);
  }
  void commit() override {
    try {
      db_->exec("COMMIT");
    } catch (const SqliteError& e) {
      throw failure(e);
    }
    writing_ = {};
  }
  void rollback() noexcept override {
    if (!writing_.owns_lock()) return;
    sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    writing_ = {};
  }
  int write_attempts() const override { return 1; }  // the busy timeout has waited 10 s already

 private:
  Statement& bound(const std::string& sql, SqlParams params) {
    Statement& statement = db_->prepare(sql);
    int index = 1;
    for (const SqlParam& p : params) {
      if (const std::int64_t* value = p.integer())
        statement.bind(index, *value);
      else if (const std::string_view* text = p.text())
        statement.bind(index, *text);
      else
        statement.bind(index, std::nullopt);
      ++index;
    }
    return statement;
  }

  std::unique_ptr<Database> db_;
  std::mutex& writers_;
  std::unique_lock<std::mutex> writing_;  // held from BEGIN to COMMIT or ROLLBACK
};

}  // namespace

Result<std::unique_ptr<HqDb>> open_sqlite_hq_db(const std::string& path, OpenMode mode) {
  try {
    auto db = std::make_unique<Database>(path, Database::Mode::CreateIfMissing, kHqApplicationId);
    const int found = static_cast<int>(db->pragma_int("user_version"));
    if (found > kHqSchemaVersion)
      return storage_error(path + " was written by a newer version of hq (schema " + std::to_string(found) +
                           ", this program knows up to " + std::to_string(kHqSchemaVersion) + "); refusing to use it");
    if (mode == OpenMode::CheckSchema && found < kHqSchemaVersion)
      return storage_error(path + " has schema " + std::to_string(found) + "; run `hq migrate --db " + path +
                           "` first");
    // The version is read again under the write lock: two processes opening a
    // new file at once must not both run a migration.
    while (found < kHqSchemaVersion) {
      Transaction tx(*db);
      const int current = static_cast<int>(db->pragma_int("user_version"));
      if (current >= kHqSchemaVersion) break;
      db->exec(kMigrations[static_cast<std::size_t>(current)]);
      db->exec("PRAGMA user_version = " + std::to_string(current + 1));
      tx.commit();
    }
    return std::unique_ptr<HqDb>(std::make_unique<SqliteHqDb>(std::move(db)));
  } catch (const SqliteError& e) {
    return storage_error_of(failure(e));
  }
}

}  // namespace kiosk::hq
