// The data of a request or request event outbox row as it is now, for the
// sync upload (docs/hq-sync-protocol.md): SyncStore::pending calls this for
// the kinds "request" and "request_event" that schema 5's triggers queue and
// "request_rating" of schema 6.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/sqlite.h"

namespace kiosk {

// nullopt when `kind` is not a request kind; {} when the record no longer
// exists. Throws SqliteError.
std::optional<nlohmann::ordered_json> request_outbox_data(Database& db, const std::string& kind, const std::string& id);

}  // namespace kiosk
