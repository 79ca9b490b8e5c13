// Creating and opening the store database, with the checks that keep a wrong
// or damaged file from being used or overwritten.
#include "store/store_db.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/random_id.h"
#include "core/text.h"
#include "store/catalog.h"
#include "store/schema.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

bool file_exists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

bool has_store_row(Database& db) {
  Statement& q = db.prepare("SELECT count(*) FROM store");
  const bool found = q.step() && q.int64(0) > 0;
  q.reset();
  return found;
}
}  // namespace

std::optional<Error> data_dir_problem(const std::string& dir, bool create) {
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0) {
    if (errno == ENOENT && create) {
      if (::mkdir(dir.c_str(), 0750) == 0) return std::nullopt;
      return storage_error_from_errno(errno, "cannot create data dir " + dir + ": " + std::strerror(errno));
    }
    return storage_error("data dir " + dir + " " +
                         (errno == ENOENT ? "does not exist (run kioskctl init first)" : std::strerror(errno)));
  }
  if (!S_ISDIR(info.st_mode)) return storage_error("data dir " + dir + " is not a directory");
  // SQLite in WAL mode creates its -wal and -shm files beside the database.
  if (::access(dir.c_str(), W_OK) != 0)
    return storage_error_from_errno(errno, "data dir " + dir + " is not writable (" + std::strerror(errno) + ")");
  return std::nullopt;
}

std::string StoreDb::file_in(const std::string& data_dir) { return data_dir + "/store.db"; }

Result<std::unique_ptr<StoreDb>> StoreDb::create(const std::string& data_dir, const StoreSettings& settings,
                                                 const std::vector<Service>& catalog, EpochMs now) {
  if (auto problem = check_single_line("store id", settings.store_id, 64)) return invalid_argument(*problem);
  Result<StoreTimeZone> zone = StoreTimeZone::load(settings.time_zone);
  if (!zone) return zone.error();
  if (settings.priority_interleave < 1 || settings.priority_interleave > 10)
    return invalid_argument("priority interleave must be between 1 and 10");
  if (settings.counters < 1 || settings.counters > 99) return invalid_argument("counters must be between 1 and 99");
  if (auto problem = data_dir_problem(data_dir, /*create=*/true)) return *problem;

  const std::string path = file_in(data_dir);
  return storage_guarded([&]() -> Result<std::unique_ptr<StoreDb>> {
    // Opening checks that an existing file is ours; a store in it is never overwritten.
    // A file left without a store by an interrupted init is completed.
    auto db = std::make_unique<Database>(path, Database::Mode::CreateIfMissing, kStoreApplicationId);
    if (db->pragma_int("user_version") > 0 && has_store_row(*db)) {
      Result<std::unique_ptr<StoreDb>> existing = load(std::move(db));
      if (!existing) return existing.error();
      return refused(data_dir + " already holds store " + existing.value()->store_id() +
                     "; init does not overwrite it");
    }
    migrate(*db);
    Transaction tx(*db);
    db->prepare(
          "INSERT INTO store(singleton, store_id, time_zone, priority_interleave, incarnation, created_at) "
          "VALUES (1, ?1, ?2, ?3, ?4, ?5)")
        .bind(1, settings.store_id)
        .bind(2, settings.time_zone)
        .bind(3, settings.priority_interleave)
        .bind(4, new_uuid())
        .bind(5, now)
        .run();
    store_catalog(*db, catalog);
    std::string all_codes;
    for (const Service& s : catalog) all_codes += (all_codes.empty() ? "" : ",") + s.code;
    Statement& add_counter = db->prepare("INSERT INTO counter(number, services) VALUES (?1, ?2)");
    for (int n = 1; n <= settings.counters; ++n) add_counter.bind(1, n).bind(2, all_codes).run();
    tx.commit();
    return load(std::move(db));
  });
}

Result<std::unique_ptr<StoreDb>> StoreDb::open(const std::string& data_dir) {
  if (auto problem = data_dir_problem(data_dir, /*create=*/false)) return *problem;
  const std::string path = file_in(data_dir);
  if (!file_exists(path)) return storage_error("no store in " + data_dir + " (run kioskctl init first)");
  return storage_guarded([&]() -> Result<std::unique_ptr<StoreDb>> {
    auto db = std::make_unique<Database>(path, Database::Mode::OpenExisting, kStoreApplicationId);
    if (db->pragma_int("user_version") == 0) return storage_error(path + " holds no store (run kioskctl init first)");
    migrate(*db);
    return load(std::move(db));
  });
}

Result<std::unique_ptr<StoreDb>> StoreDb::load(std::unique_ptr<Database> db) {
  Statement& q = db->prepare("SELECT store_id, time_zone, priority_interleave FROM store");
  if (!q.step()) return storage_error(db->path() + " holds no store row (run kioskctl init first)");
  const std::string store_id = q.text(0), zone_name = q.text(1);
  const int interleave = q.int32(2);
  q.reset();
  Result<StoreTimeZone> zone = StoreTimeZone::load(zone_name);
  if (!zone) return storage_error(db->path() + ": " + zone.error().message);
  return std::unique_ptr<StoreDb>(new StoreDb(std::move(db), store_id, std::move(zone).value(), interleave));
}

}  // namespace kiosk
