// Sync when a disk is full (support/small_disk.h, docs/reliability.md): hq
// whose SQLite file (or PostgreSQL tablespace) is on a full disk answers an
// upload 503 disk-full with Retry-After 30 and stores none of it, then takes
// the same upload once there is room; a read-only PostgreSQL database is 503
// read-only; a store whose disk is full still uploads, and its round finishes
// after room is back with every record at HQ once.
#include <doctest/doctest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/random_id.h"
#include "hq/hq_fixture.h"
#include "hq/synced_store.h"
#include "http/sync_transport.h"
#include "store/store_db.h"
#include "support/pg_server.h"
#include "support/small_disk.h"
#include "sync/sync_session.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr std::int64_t kDiskBytes = 32 << 20;

// Three waiting tickets of store S1 as one upload.
Json three_tickets() {
  const std::string incarnation = new_uuid();
  std::vector<Json> records;
  for (std::int64_t seq = 1; seq <= 3; ++seq)
    records.push_back(ticket_record(seq, new_uuid(), seq, "S1", "waiting", "A00" + std::to_string(seq)));
  return upload_body(incarnation, incarnation + ":1-3", records);
}

// A directory for a tablespace: the postgres user's.
void make_postgres_dir(const std::string& dir) {
  const passwd* postgres = getpwnam("postgres");
  REQUIRE(postgres != nullptr);
  REQUIRE(mkdir(dir.c_str(), 0700) == 0);
  REQUIRE(chown(dir.c_str(), postgres->pw_uid, postgres->pw_gid) == 0);
}

}  // namespace

TEST_CASE("hq on a full disk answers an upload 503 disk-full and stores nothing; after room, the same upload once") {
  SmallDisk disk(kDiskBytes);
  HqFixture hq(HqEngine::SqliteFile, disk.file("hq.db"));
  const std::string token = hq.add_device("S1");
  hq.start();
  const Json batch = three_tickets();
  hq.sql("PRAGMA wal_checkpoint(TRUNCATE)");  // every write needs new blocks
  disk.fill();

  const test::HqAnswer refused = hq.upload(token, batch);
  CHECK(refused.status == 503);
  CHECK(refused.error_code() == "disk-full");
  CHECK(refused.header("Retry-After") == "30");
  CHECK(refused.body["error"]["message"].get<std::string>().find("disk is full") != std::string::npos);

  disk.make_room();
  const test::HqAnswer taken = hq.upload(token, batch);
  REQUIRE(taken.status == 200);
  CHECK(taken.body["acked_through"] == 3);
  CHECK(taken.body["received"] == 3);  // none of it was stored before
  CHECK(taken.body["duplicate_batch"] == false);
  const std::map<std::string, Json> stored = by_id(hq.exported("S1", "tickets"));
  CHECK(stored.size() == 3);
  CHECK(hq.sql("PRAGMA integrity_check") == "ok");
}

// The PostgreSQL pass only (hq_tests_pg); a server of its own, started after
// the small disk so that it sees it, with the database in a tablespace there.
TEST_CASE("hq on PostgreSQL: a full disk (53100) is 503 disk-full, a read-only database (25006) 503 read-only") {
  if (!hq_tests_on_postgresql()) return;
  SmallDisk disk(2 * kDiskBytes);
  const std::string space = disk.file("tablespace");
  make_postgres_dir(space);
  PgServer pg;
  const std::string url = pg.create_database(), name = url.substr(url.rfind('/') + 1);
  pg.sql(pg.url("postgres"), "CREATE TABLESPACE small LOCATION '" + space + "'");
  pg.sql(pg.url("postgres"), "ALTER DATABASE " + name + " SET TABLESPACE small");
  HqFixture hq(HqEngine::OfThisRun, url);
  const std::string token = hq.add_device("S1");
  hq.start();
  const Json batch = three_tickets();
  disk.fill();

  const test::HqAnswer refused = hq.upload(token, batch);
  CHECK(refused.status == 503);
  CHECK(refused.error_code() == "disk-full");
  CHECK(refused.header("Retry-After") == "30");
  CHECK(pg.sql(url, "SELECT count(*) FROM record") == "0\n");
  disk.make_room();
  REQUIRE(hq.upload(token, batch).status == 200);
  CHECK(by_id(hq.exported("S1", "tickets")).size() == 3);

  // A standby, or a database made read-only: hq's connections are cut and its
  // new ones take the setting; the first request may meet a cut connection
  // (503 storage).
  pg.sql(pg.url("postgres"), "ALTER DATABASE " + name + " SET default_transaction_read_only = on");
  pg.sql(pg.url("postgres"), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
  test::HqAnswer read_only;
  for (int attempt = 0; attempt < 5 && (attempt == 0 || read_only.error_code() == "storage"); ++attempt)
    read_only = hq.upload(token, three_tickets());
  CHECK(read_only.status == 503);
  CHECK(read_only.error_code() == "read-only");
  CHECK(read_only.header("Retry-After") == "30");
}

TEST_CASE("a store on a full disk uploads what it holds; after room its round finishes, each record at HQ once") {
  SmallDisk disk(kDiskBytes);
  HqFixture hq;
  hq.start();
  const SyncedStore synced(hq, "S1", "S1", disk.file("store"));
  const std::vector<std::string> ids = issue_backlog(synced.data, 60);
  std::unique_ptr<StoreDb> store = StoreDb::open(synced.data).value();  // as the node holds it
  store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  disk.fill();

  SystemClock clock;
  http::HttpSyncTransport transport(hq.url(), synced.token);
  SyncOptions options;
  options.batch_records = 5;  // 12 batches: acknowledgements are due (and refused) on the way
  const SyncRoundReport full = SyncSession(*store, clock, transport, options).run_round();
  CHECK_FALSE(full.complete);
  REQUIRE(full.error.has_value());
  CHECK(full.error->code == "disk-full");
  CHECK(full.uploaded >= std::int64_t(ids.size()));  // every batch went, though no acknowledgement was written
  CHECK(by_id(hq.exported("S1", "tickets")).size() == ids.size());

  disk.make_room();
  const SyncRoundReport after = SyncSession(*store, clock, transport, options).run_round();
  CHECK(after.complete);
  CHECK_FALSE(after.error.has_value());
  const std::map<std::string, Json> tickets = by_id(hq.exported("S1", "tickets"));  // fails on a record twice
  CHECK(tickets.size() == ids.size());
  for (const std::string& id : ids) CHECK(tickets.count(id) == 1);
}
