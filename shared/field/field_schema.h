// The field tablet's database schema (technician.db): its application id and
// its migrations, applied in order by PRAGMA user_version.
#pragma once

#include <cstdint>

#include "store/sqlite.h"

namespace kiosk {

// 'KFD1': written into every field tablet's database; any other value is refused
// (a store's 'KSK1' and HQ's 'KHQ1' file too).
constexpr std::uint32_t kFieldApplicationId = 0x4B464431;

// The schema version this program writes.
int latest_field_schema_version();

// Brings an open tablet database up to latest_field_schema_version(), one
// migration per transaction. Throws SqliteError when the file is newer.
void migrate_field_db(Database& db);

}  // namespace kiosk
