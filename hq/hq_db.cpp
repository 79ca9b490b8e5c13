// HQ's schema and its migrations. Append a new entry for each change; never
// edit one that has shipped.
#include "hq/hq_db.h"

#include <array>

namespace kiosk::hq {
namespace {

constexpr std::array<const char*, 3> kMigrations{
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
};

}  // namespace

int hq_schema_version() { return static_cast<int>(kMigrations.size()); }

void append_change(Database& db, const std::optional<std::string>& store_id, const std::string& kind,
                   const std::string& key, const nlohmann::ordered_json& data, EpochMs now) {
  db.prepare("INSERT INTO change_log(store_id, kind, key, data, at) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, store_id)
      .bind(2, kind)
      .bind(3, key)
      .bind(4, data.dump())
      .bind(5, now)
      .run();
}

Result<std::unique_ptr<Database>> open_hq_db(const std::string& path) {
  try {
    auto db = std::make_unique<Database>(path, Database::Mode::CreateIfMissing, kHqApplicationId);
    const int found = static_cast<int>(db->pragma_int("user_version"));
    if (found > hq_schema_version())
      return storage_error(path + " was written by a newer version of hq (schema " + std::to_string(found) +
                           ", this program knows up to " + std::to_string(hq_schema_version()) +
                           "); refusing to use it");
    // The version is read again under the write lock: two processes opening a
    // new file at once must not both run a migration.
    while (found < hq_schema_version()) {
      Transaction tx(*db);
      const int current = static_cast<int>(db->pragma_int("user_version"));
      if (current >= hq_schema_version()) break;
      db->exec(kMigrations[static_cast<std::size_t>(current)]);
      db->exec("PRAGMA user_version = " + std::to_string(current + 1));
      tx.commit();
    }
    return db;
  } catch (const SqliteError& e) {
    return storage_error(e.what());
  }
}

}  // namespace kiosk::hq
