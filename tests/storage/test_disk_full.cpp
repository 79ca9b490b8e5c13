// A store on a small disk of its own (support/small_disk.h), filled or made
// read-only: every write is refused whole with the code disk-full or
// read-only, nothing is half stored, and once the disk takes writes again the
// same objects go on with the next number (docs/reliability.md).
#include <doctest/doctest.h>

#include <cerrno>
#include <map>

#include "ratings/rating_book.h"
#include "store/schema.h"
#include "store/storage_guard.h"
#include "store/store_health.h"
#include "support/small_disk.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::SmallDisk;

namespace {

constexpr std::int64_t kDiskBytes = 16 << 20;

// Every table's row count: a refused write changes none.
std::map<std::string, std::int64_t> row_counts(StoreDb& store) {
  std::vector<std::string> tables;
  Statement& names = store.db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  while (names.step()) tables.push_back(names.text(0));
  names.reset();
  std::map<std::string, std::int64_t> counts;
  for (const std::string& table : tables) {
    Statement& q = store.db().prepare("SELECT count(*) FROM \"" + table + "\"");
    q.step();
    counts[table] = q.int64(0);
    q.reset();
  }
  return counts;
}

// The store of a day under way: counter 1 serves A002, A001 is finished (to
// rate), A003 waits, counter 2 is open.
struct DayOnSmallDisk {
  DayOnSmallDisk() {
    REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
    REQUIRE(s.engine->open_counter(2, {"A", "B"}).ok());
    for (int i = 0; i < 3; ++i) REQUIRE(s.engine->issue({"A", false, {}}).ok());
    REQUIRE(s.engine->call_next(1).ok());
    s.clock.advance_s(60);
    finished = s.engine->finish(1, Outcome::Resolved).value();
    REQUIRE(s.engine->call_next(1).ok());
  }
  // A WAL of no length: every write needs new blocks (a WAL that kept its
  // length would take a write or two in its old space on a full disk).
  void fill_disk() {
    s.store->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    disk.fill();
  }
  SmallDisk disk{kDiskBytes};
  RequestStore s{disk.file("store")};
  Ticket finished;
};

}  // namespace

TEST_CASE("SQLite's codes and the system's errno tell a full and a read-only disk apart") {
  CHECK(SqliteError(SQLITE_FULL, "full").is_disk_full());
  CHECK(SqliteError(SQLITE_IOERR_WRITE, "write", ENOSPC).is_disk_full());
  CHECK_FALSE(SqliteError(SQLITE_IOERR_WRITE, "write", EIO).is_disk_full());
  CHECK(SqliteError(SQLITE_READONLY_DBMOVED, "moved").is_read_only());
  CHECK(SqliteError(SQLITE_IOERR_WRITE, "write", EROFS).is_read_only());
  CHECK(SqliteError(SQLITE_CANTOPEN, "open", EROFS).is_read_only());
  CHECK_FALSE(SqliteError(SQLITE_CONSTRAINT, "constraint", ENOSPC).is_disk_full());  // a stale errno is no cause

  const Error full = storage_error_from(SqliteError(SQLITE_FULL, "database or disk is full"));
  CHECK(full.kind == ErrorKind::Storage);
  CHECK(full.code == "disk-full");
  CHECK(full.message.find("disk is full: nothing was saved") != std::string::npos);
  CHECK(storage_error_from(SqliteError(SQLITE_READONLY, "readonly")).code == "read-only");
  const Error other = storage_error_from(SqliteError(SQLITE_CORRUPT, "malformed"));
  CHECK(other.code.empty());
  CHECK(other.message == "malformed");
}

TEST_CASE("on a full disk an issue, call, finish, request and rating are refused whole; with room they go on") {
  DayOnSmallDisk day;
  RequestStore& s = day.s;
  RatingBook ratings(*s.store, s.clock);
  const auto before = row_counts(*s.store);
  day.fill_disk();

  CHECK(s.engine->issue({"A", false, {}}).error().code == "disk-full");
  CHECK(s.engine->call_next(2).error().code == "disk-full");
  CHECK(s.engine->finish(1, Outcome::Resolved).error().code == "disk-full");
  CHECK(s.book.create(test::valid_form(), "kiosk").error().code == "disk-full");
  CHECK(ratings.rate(day.finished.id, 5, {"fast"}).error().code == "disk-full");
  CHECK(row_counts(*s.store) == before);
  CHECK(check_store_integrity(*s.store).value() == "ok");

  day.disk.make_room();  // the same objects, no reopening
  CHECK(s.engine->issue({"A", false, {}}).value().ticket.label == "A004");
  CHECK(s.engine->finish(1, Outcome::Resolved).ok());
  CHECK(s.engine->call_next(2).value().label == "A003");
  CHECK(s.book.create(test::valid_form(), "kiosk").ok());
  CHECK(ratings.rate(day.finished.id, 5, {"fast"}).ok());
  CHECK(check_store_integrity(*s.store).value() == "ok");
}

// A mounted file system cannot be made read-only while files on it are open
// for writing (EBUSY): the store is closed first, as a restart after the
// kernel remounted a failing disk would find it.
TEST_CASE("on a read-only disk the store refuses to open with read-only; once writable it goes on") {
  DayOnSmallDisk day;
  const std::string data_dir = day.disk.file("store");
  const auto before = row_counts(*day.s.store);
  day.s.engine.reset();
  day.s.store.reset();
  day.disk.set_read_only(true);

  Result<std::unique_ptr<StoreDb>> refused = StoreDb::open(data_dir);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == "read-only");
  CHECK(refused.error().message.find("read-only: nothing was saved") != std::string::npos);
  try {  // SQLite itself would open the file read-only, for good: refused instead
    Database db(StoreDb::file_in(data_dir), Database::Mode::OpenExisting, kStoreApplicationId);
    FAIL("a read-only database was opened");
  } catch (const SqliteError& e) {
    CHECK(storage_error_from(e).code == "read-only");
  }

  day.disk.set_read_only(false);
  std::unique_ptr<StoreDb> store = StoreDb::open(data_dir).value();
  CHECK(row_counts(*store) == before);
  QueueEngine engine(*store, day.s.clock);
  CHECK(engine.issue({"A", false, {}}).value().ticket.label == "A004");
  CHECK(check_store_integrity(*store).value() == "ok");
}
