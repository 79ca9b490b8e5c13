// HQ's PostgreSQL engine (pg_hq_db.h): the schema and its migrations (the
// same tables as sqlite_hq_db.cpp's, in PostgreSQL's types, plus hq_meta and
// feed_head), statements through pg_connection.h, and the change feed
// numbered at COMMIT. Append a migration for each change; never edit one that
// has shipped.
#include "hq/pg_hq_db.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "hq/figure_schema.h"
#include "hq/kb_schema.h"
#include "hq/pg_connection.h"
#include "hq/public_schema.h"
#include "hq/request_event_schema.h"
#include "hq/technician_schema.h"

namespace kiosk::hq {
namespace {

constexpr std::array kPgMigrations{
    // 1: stores, devices, uploaded and parked records, the change feed and the
    // configuration HQ owns; what marks the database as HQ's.
    R"sql(
CREATE TABLE hq_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO hq_meta(key, value) VALUES ('application', 'KHQ1'), ('schema_version', '0');
CREATE TABLE hq_store (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at bigint NOT NULL
);
CREATE TABLE device (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES hq_store(id),
  token_hash text NOT NULL UNIQUE,
  label text NOT NULL DEFAULT '',
  created_at bigint NOT NULL,
  revoked_at bigint,
  last_seen_at bigint
);
-- Per device and database incarnation: every seq up to acked_through has been
-- received; received_seq holds only those received above it (out of order).
CREATE TABLE device_stream (
  device_id text NOT NULL REFERENCES device(id),
  incarnation text NOT NULL,
  acked_through bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (device_id, incarnation)
);
CREATE TABLE received_seq (
  device_id text NOT NULL,
  incarnation text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (device_id, incarnation, seq)
);
CREATE TABLE upload_batch (
  device_id text NOT NULL,
  batch_key text NOT NULL,
  records bigint NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (device_id, batch_key)
);
-- The latest revision of every record a device created; rid is the order in
-- which HQ first stored them (SQLite's rowid).
CREATE TABLE record (
  id text PRIMARY KEY,
  kind text NOT NULL,
  store_id text NOT NULL REFERENCES hq_store(id),
  revision bigint NOT NULL,
  data text NOT NULL,
  device_id text NOT NULL,
  incarnation text NOT NULL,
  seq bigint NOT NULL,
  received_at bigint NOT NULL,
  first_received_at bigint NOT NULL,
  rid bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX record_by_store ON record(store_id, kind);
CREATE TABLE parked_record (
  device_id text NOT NULL,
  incarnation text NOT NULL,
  seq bigint NOT NULL,
  store_id text NOT NULL,
  code text NOT NULL,
  message text NOT NULL,
  raw text NOT NULL,
  parked_at bigint NOT NULL,
  PRIMARY KEY (device_id, incarnation, seq)
);
-- HQ's change feed: the whole state of one object per row; store_id NULL is
-- for every store (the catalogue). A seq is given at COMMIT from feed_head,
-- whose one row is locked until the transaction is visible.
CREATE TABLE change_log (
  seq bigint PRIMARY KEY,
  store_id text,
  kind text NOT NULL,
  key text NOT NULL,
  data text NOT NULL,
  at bigint NOT NULL
);
CREATE TABLE feed_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL
);
INSERT INTO feed_head(id, seq) VALUES (1, 0);
CREATE TABLE service (
  code text PRIMARY KEY,
  data text NOT NULL,
  active bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE TABLE staff (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES hq_store(id),
  name text NOT NULL,
  role text NOT NULL,
  pin_hash text NOT NULL,
  active bigint NOT NULL DEFAULT 1,
  updated_at bigint NOT NULL,
  UNIQUE (store_id, name)
);
CREATE TABLE assignment (
  store_id text NOT NULL REFERENCES hq_store(id),
  request_code text NOT NULL,
  technician_id text NOT NULL REFERENCES staff(id),
  assigned_at bigint NOT NULL,
  PRIMARY KEY (store_id, request_code)
);
)sql",
    // 2: request status decided at HQ (hq_commands.h) and every command that
    // asked for a transition, with its outcome as it stands.
    R"sql(
CREATE TABLE request_status (
  store_id text NOT NULL REFERENCES hq_store(id),
  request_code text NOT NULL,
  request_id text NOT NULL,
  state text NOT NULL,
  version bigint NOT NULL,
  last_command text,
  before_state text,
  before_version bigint,
  updated_at bigint NOT NULL,
  PRIMARY KEY (store_id, request_code)
);
CREATE TABLE request_command (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES hq_store(id),
  device_id text,
  request_code text NOT NULL,
  to_state text NOT NULL,
  from_version bigint NOT NULL,
  at bigint NOT NULL,
  data text NOT NULL,
  received_at bigint NOT NULL,
  outcome text NOT NULL,
  status text,
  version bigint,
  code text NOT NULL,
  message text NOT NULL
);
)sql",
    // 3: each device's latest health report (hq/device_health.h), as HQ
    // received it with a sync request, and the reports it had to ignore.
    R"sql(
CREATE TABLE device_health (
  device_id text PRIMARY KEY REFERENCES device(id),
  received_at bigint NOT NULL,
  version text NOT NULL,
  started_at bigint,
  printer_state text,
  printer_message text,
  printer_checked_at bigint,
  pending bigint NOT NULL,
  oldest_pending_s bigint,
  database_bytes bigint NOT NULL,
  disk_free_bytes bigint NOT NULL,
  disk_total_bytes bigint NOT NULL,
  integrity text NOT NULL,
  store_time bigint NOT NULL
);
CREATE TABLE device_health_ignored (
  device_id text PRIMARY KEY REFERENCES device(id),
  count bigint NOT NULL,
  last_at bigint NOT NULL,
  last_reason text NOT NULL
);
)sql",
    // 4: the console's figures (hq/figure_store.h): per business day, store,
    // service and block of tickets a ledger of them and its sums, kept as
    // records arrive; sums per month and store, and of every store per month
    // and day, made when a report needs them; ratings whose ticket HQ has
    // not seen yet; each store's time zone (for hours of the day); the
    // console's users, sessions and audit list.
    R"sql(
ALTER TABLE hq_store ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai';
-- A block is up to 100 tickets by number (A101..A200: block 1), so a batch
-- rewrites ledgers of about its own size, however busy the day. Day first:
-- every store's day is one range.
CREATE TABLE figure_ledger (
  store_id text NOT NULL,
  day text NOT NULL,
  service text NOT NULL,
  block bigint NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  updated_at bigint NOT NULL DEFAULT 0,
  -- last: the sums before it are read without its overflow pages
  ledger text NOT NULL DEFAULT '',
  PRIMARY KEY (day, store_id, service, block)
);
CREATE INDEX figure_ledger_by_store ON figure_ledger(store_id, day);
-- Rewritten by every batch: kept out of line without compression (pglz costs
-- more CPU than the bytes it saves here).
ALTER TABLE figure_ledger ALTER COLUMN ledger SET STORAGE EXTERNAL;
CREATE TABLE figure_month (
  store_id text NOT NULL,
  month text NOT NULL,
  service text NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  PRIMARY KEY (month, store_id, service)
);
-- Every store's sums per service of a month (YYYY-MM) or of a day over
-- (YYYY-MM-DD), for reports of all stores.
CREATE TABLE figure_total (
  period text NOT NULL,
  service text NOT NULL,
)sql" KIOSK_HQ_FIGURE_SUM_COLUMNS R"sql(
  PRIMARY KEY (period, service)
);
-- What is made: a month's figure_month and figure_total rows, or a day's
-- figure_total rows, made from the ledgers when a report first needs them; a
-- ledger of that period written later removes the mark.
CREATE TABLE figure_made (
  period text PRIMARY KEY,
  made_at bigint NOT NULL
);
CREATE TABLE orphan_rating (
  id text PRIMARY KEY,
  store_id text NOT NULL,
  ticket_id text NOT NULL,
  score bigint NOT NULL,
  reasons text NOT NULL
);
CREATE INDEX orphan_rating_by_store ON orphan_rating(store_id);
-- built = 0 until the figures of the records stored before schema 4 are made.
CREATE TABLE figure_state (
  id bigint PRIMARY KEY CHECK (id = 1),
  built bigint NOT NULL
);
INSERT INTO figure_state(id, built) VALUES (1, 0);
-- The console (hq/console_auth.h): its users, their sessions (only a hash
-- of each token), and every change made through it or hq's commands.
-- The console's alerts (hq/console_alerts.h): a row per condition while it
-- lasts and after it cleared, acknowledged with a comment.
CREATE TABLE console_alert (
  id text PRIMARY KEY,
  store_id text NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL,
  detail text NOT NULL,
  opened_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  cleared_at bigint,
  acked_at bigint,
  acked_by text,
  ack_comment text
);
CREATE INDEX console_alert_by_time ON console_alert(opened_at);
-- Ratings given in the last hour (by the store's clock), for bursts of
-- unhappy ones.
CREATE TABLE recent_rating (
  id text PRIMARY KEY,
  store_id text NOT NULL,
  score bigint NOT NULL,
  rated_at bigint NOT NULL
);
CREATE INDEX recent_rating_by_store ON recent_rating(store_id, rated_at);
CREATE TABLE console_user (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'dispatcher')),
  password_hash text NOT NULL,
  active bigint NOT NULL DEFAULT 1,
  failed_logins bigint NOT NULL DEFAULT 0,
  locked_until bigint,
  created_at bigint NOT NULL
);
CREATE TABLE console_session (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES console_user(id),
  csrf text NOT NULL,
  created_at bigint NOT NULL,
  last_used_at bigint NOT NULL
);
CREATE TABLE console_audit (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at bigint NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  detail text NOT NULL
);
)sql",
    // 5: every request as it stands (the upload, or HQ's later decision), for
    // the dispatch board and the request reports; the console's settings.
    R"sql(
CREATE TABLE hq_request (
  store_id text NOT NULL,
  code text NOT NULL,
  record_id text NOT NULL,
  kind text NOT NULL,
  product text NOT NULL,
  problem text NOT NULL,
  urgency text NOT NULL,
  state text NOT NULL,
  version bigint NOT NULL,
  assignee text,
  scheduled_date text,
  scheduled_window text,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  closed_at bigint,
  PRIMARY KEY (store_id, code)
);
CREATE INDEX hq_request_by_state ON hq_request(state, store_id);
INSERT INTO hq_request(store_id, code, record_id, kind, product, problem, urgency, state, version, assignee,
  scheduled_date, scheduled_window, created_at, updated_at, closed_at)
SELECT store_id, j ->> 'code', id, COALESCE(j ->> 'kind', 'repair'), COALESCE(j ->> 'product', ''),
  COALESCE(j ->> 'problem', ''), COALESCE(j ->> 'urgency', 'normal'), COALESCE(j ->> 'state', 'received'),
  COALESCE((j ->> 'version')::bigint, 1), j ->> 'assignee', j ->> 'scheduled_date', j ->> 'scheduled_window',
  COALESCE((j ->> 'created_at')::bigint, received_at), COALESCE((j ->> 'updated_at')::bigint, received_at), (j ->> 'closed_at')::bigint
FROM (SELECT store_id, id, received_at, replace(data, '\u0000', '\ufffd')::json AS j FROM record
      WHERE kind = 'request') r
WHERE j ->> 'code' IS NOT NULL
ON CONFLICT DO NOTHING;
-- HQ's decisions after the request's last upload, with what its own commands set.
UPDATE hq_request SET state = s.state, version = s.version, updated_at = s.updated_at,
  assignee = COALESCE((SELECT c.data::json ->> 'assignee' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'assigned' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), assignee),
  scheduled_date = COALESCE((SELECT c.data::json ->> 'scheduled_date' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'scheduled' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), scheduled_date),
  scheduled_window = COALESCE((SELECT c.data::json ->> 'scheduled_window' FROM request_command c
    WHERE c.store_id = hq_request.store_id AND c.request_code = hq_request.code AND c.outcome = 'applied'
      AND c.to_state = 'scheduled' AND c.version > hq_request.version ORDER BY c.version DESC LIMIT 1), scheduled_window)
FROM request_status s
WHERE s.store_id = hq_request.store_id AND s.request_code = hq_request.code AND s.version > hq_request.version;
CREATE TABLE console_setting (
  name text PRIMARY KEY,
  value bigint NOT NULL,
  updated_at bigint NOT NULL
);
)sql",
    // 6: every step of every request (its uploaded request_event records),
    // for the requests' outcomes: done, first-time fixed, reopened; HQ's
    // product catalogue.
    KIOSK_HQ_SCHEMA_6_TABLES R"sql(
INSERT INTO hq_request_event(id, store_id, request_id, state, at)
SELECT id, store_id, j ->> 'request', j ->> 'event', COALESCE((j ->> 'at')::bigint, received_at)
FROM (SELECT id, store_id, received_at, replace(data, '\u0000', '\ufffd')::json AS j FROM record
      WHERE kind = 'request_event') r
WHERE j ->> 'request' IS NOT NULL AND j ->> 'event' IS NOT NULL
ON CONFLICT DO NOTHING;
)sql" KIOSK_HQ_SCHEMA_6_OUTCOMES,
    // 7: technician devices; assignments become request commands.
    KIOSK_HQ_SCHEMA_7,
    // 8: the customer's phone pages: public settings, ticket pages, reminders.
    KIOSK_HQ_SCHEMA_8,
    // 9: help articles and what the kiosks counted of them.
    KIOSK_HQ_SCHEMA_9,
};
static_assert(kPgMigrations.size() == kHqSchemaVersion, "one migration per schema version");

constexpr char kApplication[] = "KHQ1";  // kHqApplicationId in hq_meta
constexpr Oid kBoolOid = 16;             // PostgreSQL's boolean type
// Rows per INSERT of the feed: 6 parameters each, well under libpq's 65535.
constexpr std::size_t kChangesPerInsert = 1000;

// A row of a result, read from its text. A boolean reads as 1 or 0 and NULL
// as 0 or "", as SQLite has them.
class PgSqlRow : public SqlRow {
 public:
  PgSqlRow(const PgResult& result, const PgConnection& conn, int row) : result_(result), conn_(conn), row_(row) {}

  bool is_null(int column) const override { return result_.is_null(row_, checked(column)); }
  std::int64_t int64(int column) const override {
    const std::string_view text = result_.value(row_, checked(column));
    if (result_.type(column) == kBoolOid) return text == "t";
    if (is_null(column)) return 0;
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
      conn_.fail(StorageFailure::Kind::Failed,
                 "column " + std::to_string(column) + " is not an integer: '" + std::string(text) + "'");
    return value;
  }
  std::string text(int column) const override { return std::string(result_.value(row_, checked(column))); }

 private:
  int checked(int column) const {
    if (column < 0 || column >= result_.columns())
      conn_.fail(StorageFailure::Kind::Failed, "the result has no column " + std::to_string(column));
    return column;
  }

  const PgResult& result_;
  const PgConnection& conn_;
  int row_;
};

// A change to the feed, held until COMMIT numbers it.
struct Change {
  std::optional<std::string> store_id;
  std::string kind;
  std::string key;
  std::string data;
  EpochMs at;
  std::optional<std::string> technician_id;
};

class PgHqDb : public HqDb {
 public:
  explicit PgHqDb(std::unique_ptr<PgConnection> conn) : conn_(std::move(conn)) {}

  const char* engine() const override { return "postgresql"; }
  std::string where() const override { return conn_->where(); }

  std::int64_t run(const std::string& sql, SqlParams params) override {
    return rows_changed(statement(sql, params).get());
  }
  std::vector<bool> run_each(const std::string& sql, const std::vector<std::vector<SqlParam>>& param_sets) override {
    if (!in_write_) conn_->ensure();
    return conn_->exec_pipelined(sql, param_sets);
  }

  void each(const std::string& sql, SqlParams params, const RowFn& row) override {
    const PgResult result = statement(sql, params);
    for (int i = 0; i < result.rows(); ++i) row(PgSqlRow(result, *conn_, i));
  }

  // A \u0000 escape anywhere in the text makes ->> fail (22P05) where SQLite's
  // json_extract does not; it is read as U+FFFD (the fields asked for are codes).
  std::string json_field(const std::string& column, const std::string& field) const override {
    return "(replace(" + column + ", '\\u0000', '\\ufffd')::json->>'" + field + "')";
  }
  const char* record_insertion_order() const override { return "rid"; }
  const char* for_update() const override { return " FOR UPDATE"; }
  void lock_key(const std::string& key) override {
    run("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))", {key});
  }

  void append_change(const std::optional<std::string>& store_id, const std::string& kind, const std::string& key,
                     const nlohmann::ordered_json& data, EpochMs now,
                     const std::optional<std::string>& technician_id) override {
    if (!in_write_) conn_->fail(StorageFailure::Kind::Failed, "a change to the feed outside a write transaction");
    changes_.push_back(Change{store_id, kind, key, data.dump(), now, technician_id});
  }

  std::int64_t feed_head() override { return first_int64("SELECT seq FROM feed_head WHERE id = 1", {}); }
  void adopt_feed_head(std::int64_t head) override {
    run("UPDATE feed_head SET seq = GREATEST(seq, ?1) WHERE id = 1", {head});
  }

  Result<Done> prepare_schema(OpenMode mode);

 protected:
  void begin_write() override {
    conn_->ensure();
    conn_->exec_script("BEGIN");
    in_write_ = true;
    changes_.clear();
  }
  void commit() override {
    // PostgreSQL answers COMMIT of a failed transaction with a ROLLBACK, not an error.
    if (conn_->transaction_status() == PQTRANS_INERROR)
      conn_->fail(StorageFailure::Kind::Failed, "a statement of this transaction failed; it is rolled back");
    flush_feed();
    conn_->exec_script("COMMIT");
    in_write_ = false;
  }
  void rollback() noexcept override {
    changes_.clear();
    in_write_ = false;
    const PGTransactionStatusType status = conn_->transaction_status();
    if (status != PQTRANS_INTRANS && status != PQTRANS_INERROR) return;
    try {
      conn_->exec_script("ROLLBACK");
    } catch (...) {  // the connection is gone: so is the transaction
    }
  }
  int write_attempts() const override { return 4; }

 private:
  // A statement outside a write transaction first reconnects if it has to;
  // one inside fails with the connection, as its transaction is lost.
  PgResult statement(const std::string& sql, SqlParams params) {
    if (!in_write_) conn_->ensure();
    return conn_->exec(sql, params);
  }

  std::int64_t first_int64(const std::string& sql, SqlParams params) {
    const PgResult result = statement(sql, params);
    if (result.rows() == 0) conn_->fail(StorageFailure::Kind::Failed, "no row from " + sql);
    return PgSqlRow(result, *conn_, 0).int64(0);
  }

  // Numbers the buffered changes after the head, which stays locked (and so
  // the next writer's numbers wait) until this transaction commits.
  void flush_feed() {
    if (changes_.empty()) return;
    const auto count = static_cast<std::int64_t>(changes_.size());
    const std::int64_t head = first_int64("UPDATE feed_head SET seq = seq + ?1 WHERE id = 1 RETURNING seq", {count});
    for (std::size_t start = 0; start < changes_.size(); start += kChangesPerInsert)
      insert_changes(start, std::min(changes_.size(), start + kChangesPerInsert), head - count + 1);
    changes_.clear();
  }

  // Inserts changes_[begin, end); changes_[i] gets seq `seq_of_first` + i.
  void insert_changes(std::size_t begin, std::size_t end, std::int64_t seq_of_first) {
    std::string sql = "INSERT INTO change_log(seq, store_id, kind, key, data, at, technician_id) VALUES ";
    std::vector<SqlParam> params;
    params.reserve((end - begin) * 7);
    for (std::size_t i = begin; i < end; ++i) {
      sql += i == begin ? "(" : ", (";
      for (std::size_t column = 1; column <= 7; ++column)
        sql += (column == 1 ? "?" : ", ?") + std::to_string(params.size() + column);
      sql += ")";
      const Change& change = changes_[i];
      params.insert(params.end(), {seq_of_first + static_cast<std::int64_t>(i), change.store_id, change.kind,
                                   change.key, change.data, change.at, change.technician_id});
    }
    conn_->exec_once(sql, params);
  }

  Result<int> stored_version();
  std::optional<Error> refusal(int found, OpenMode mode) const;
  void migrate_to(int version);

  std::unique_ptr<PgConnection> conn_;
  bool in_write_ = false;
  std::vector<Change> changes_;  // of the open write transaction
};

// Under the lock of every hq that opens this database, so that two do not
// migrate it at once.
Result<Done> PgHqDb::prepare_schema(OpenMode mode) {
  return hq_guarded([&] {
    return write([&]() -> Result<Done> {
      run("SELECT pg_advisory_xact_lock(?1)", {std::int64_t{kHqApplicationId}});
      const Result<int> found = stored_version();
      if (!found) return found.error();
      if (std::optional<Error> refused = refusal(found.value(), mode)) return *refused;
      for (int version = found.value() + 1; version <= kHqSchemaVersion; ++version) migrate_to(version);
      return Done{};
    });
  });
}

// 0 for an empty database; an error for another application's.
Result<int> PgHqDb::stored_version() {
  bool has_meta = false, has_tables = false;
  first(
      "SELECT to_regclass('hq_meta') IS NOT NULL, EXISTS (SELECT 1 FROM information_schema.tables WHERE "
      "table_schema = current_schema())",
      {}, [&](const SqlRow& row) {
        has_meta = row.int64(0) != 0;
        has_tables = row.int64(1) != 0;
      });
  if (!has_meta && has_tables)
    return storage_error(where() + " is a PostgreSQL database of another application (no hq_meta); refusing to use it");
  if (!has_meta) return 0;
  std::string application, version;
  each("SELECT key, value FROM hq_meta WHERE key IN ('application', 'schema_version')", {},
       [&](const SqlRow& row) { (row.text(0) == "application" ? application : version) = row.text(1); });
  if (application != kApplication)
    return storage_error(where() + " is a PostgreSQL database of another application (hq_meta says '" + application +
                         "'); refusing to use it");
  int found = 0;
  const auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), found);
  if (error != std::errc() || end != version.data() + version.size())
    return storage_error(where() + " has a damaged hq_meta (schema_version '" + version + "'); refusing to use it");
  return found;
}

std::optional<Error> PgHqDb::refusal(int found, OpenMode mode) const {
  if (found > kHqSchemaVersion)
    return storage_error(where() + " was written by a newer version of hq (schema " + std::to_string(found) +
                         ", this program knows up to " + std::to_string(kHqSchemaVersion) + "); refusing to use it");
  if (mode == OpenMode::CheckSchema && found < kHqSchemaVersion)
    return storage_error(where() + " has schema " + std::to_string(found) + "; run `hq migrate --db " + where() +
                         "` first");
  return std::nullopt;
}

void PgHqDb::migrate_to(int version) {
  conn_->exec_script(kPgMigrations[static_cast<std::size_t>(version - 1)]);
  run("UPDATE hq_meta SET value = ?1 WHERE key = 'schema_version'", {std::to_string(version)});
}

}  // namespace

Result<std::unique_ptr<HqDb>> open_postgresql_hq_db(const std::string& url, OpenMode mode) {
  Result<std::unique_ptr<PgConnection>> conn = PgConnection::connect(url);
  if (!conn) return conn.error();
  auto db = std::make_unique<PgHqDb>(std::move(conn).value());
  const Result<Done> schema = db->prepare_schema(mode);
  if (!schema) return schema.error();
  return std::unique_ptr<HqDb>(std::move(db));
}

}  // namespace kiosk::hq
