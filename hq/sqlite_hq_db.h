// HQ's SQLite engine: one file (WAL, synchronous=FULL) with its own
// application_id, migrated by PRAGMA user_version. Write transactions are
// BEGIN IMMEDIATE and, within one process, handed over by a mutex per file
// (in place of SQLite's busy-handler sleeps), so they run one at a time:
// row locks and the feed's order need nothing more.
#pragma once

#include <memory>
#include <string>

#include "hq/hq_db.h"

namespace kiosk::hq {

Result<std::unique_ptr<HqDb>> open_sqlite_hq_db(const std::string& path, OpenMode mode);

}  // namespace kiosk::hq
