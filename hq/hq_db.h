// HQ's database: one SQLite file (WAL, synchronous=FULL) with its own
// application_id and migrations by PRAGMA user_version. Stores, devices and
// their token hashes, the records devices upload, parked records, HQ's change
// feed, and the configuration HQ owns (catalogue, staff, assignments).
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/sqlite.h"

namespace kiosk::hq {

// 'KHQ1': written into every HQ database; any other value is refused.
constexpr std::uint32_t kHqApplicationId = 0x4B485131;

// The schema version this program writes.
int hq_schema_version();

// Opens (creating it when missing) and migrates HQ's database. Refuses foreign,
// damaged or newer files without touching them.
Result<std::unique_ptr<Database>> open_hq_db(const std::string& path);

// Appends one row to the change feed (store_id none: every store). Call inside
// the transaction that makes the change.
void append_change(Database& db, const std::optional<std::string>& store_id, const std::string& kind,
                   const std::string& key, const nlohmann::ordered_json& data, EpochMs now);

}  // namespace kiosk::hq
