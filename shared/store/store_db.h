// The store database as a whole: where it lives in the data dir, creating it
// (init), opening it (refusing foreign, damaged or newer files with a clear
// message, never overwriting them), and the store's own settings.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/store_time_zone.h"
#include "model/queue_model.h"
#include "store/sqlite.h"

namespace kiosk {

struct StoreSettings {
  std::string store_id;
  std::string time_zone = "Asia/Shanghai";
  int priority_interleave = 2;  // priority tickets called before one normal ticket
  int counters = 3;             // counters created by init, numbered 1..N
};

// The storage error when `dir` cannot hold a writable database (missing, not a
// directory, not writable: on a read-only or full disk with that code), else
// nullopt. `create`: a missing dir is made (mode 0750) rather than reported.
std::optional<Error> data_dir_problem(const std::string& dir, bool create);

class StoreDb {
 public:
  // The database file inside a data dir.
  static std::string file_in(const std::string& data_dir);

  // Creates the data dir's database with its store row, counters and catalogue.
  // Refuses a data dir that already holds a store.
  static Result<std::unique_ptr<StoreDb>> create(const std::string& data_dir, const StoreSettings& settings,
                                                 const std::vector<Service>& catalog, EpochMs now);
  // Opens an existing store (one connection: one per thread).
  static Result<std::unique_ptr<StoreDb>> open(const std::string& data_dir);

  Database& db() { return *db_; }
  const std::string& store_id() const { return store_id_; }
  const StoreTimeZone& zone() const { return zone_; }
  int priority_interleave() const { return priority_interleave_; }

 private:
  StoreDb(std::unique_ptr<Database> db, std::string store_id, StoreTimeZone zone, int interleave)
      : db_(std::move(db)), store_id_(std::move(store_id)), zone_(std::move(zone)), priority_interleave_(interleave) {}
  static Result<std::unique_ptr<StoreDb>> load(std::unique_ptr<Database> db);

  std::unique_ptr<Database> db_;
  std::string store_id_;
  StoreTimeZone zone_;
  int priority_interleave_;
};

}  // namespace kiosk
