// The store database's schema: its application id and its migrations, applied
// in order by PRAGMA user_version.
#pragma once

#include <cstdint>

#include "store/sqlite.h"

namespace kiosk {

// 'KSK1': written into every store database; any other value is refused.
constexpr std::uint32_t kStoreApplicationId = 0x4B534B31;

// The schema version this program writes.
int latest_schema_version();

// Brings an open database up to latest_schema_version(), one migration per
// transaction. Throws SqliteError when the file is newer than this program.
void migrate(Database& db);

}  // namespace kiosk
