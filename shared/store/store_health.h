// What an operator checks first on a kiosk that misbehaves, read from its
// store: the database's size and integrity and the free space on its disk
// (shown by `kioskctl status` beside the sync state).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

struct StoreHealth {
  std::int64_t database_bytes = 0;   // the database file and its write-ahead log
  std::int64_t disk_free_bytes = 0;  // free to this process on the database's file system
  std::int64_t disk_total_bytes = 0;
  std::string integrity;  // "ok", or what SQLite's quick_check found
};

// Reads it now; quick_check reads every page (about 1 s per GB).
Result<StoreHealth> read_store_health(StoreDb& store);

// The sizes alone (integrity left empty): cheap enough for every sync round.
Result<StoreHealth> read_store_space(StoreDb& store);
// SQLite's quick_check: "ok", or what it found.
Result<std::string> check_store_integrity(StoreDb& store);

}  // namespace kiosk
