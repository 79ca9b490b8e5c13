// The service catalogue file: JSON Lines, one service per line, '#' comments.
// Parsing names the line of the first problem; importing replaces the store's
// catalogue in one transaction (services no longer listed are deactivated, not
// deleted, because tickets refer to them).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "model/queue_model.h"
#include "store/sqlite.h"

namespace kiosk {

// Parses catalogue text. `source` (a file name) starts every error message.
Result<std::vector<Service>> parse_catalog(const std::string& text, const std::string& source);

// Reads and parses a catalogue file.
Result<std::vector<Service>> read_catalog_file(const std::string& path);

// Replaces the active catalogue. Call inside a Transaction.
void store_catalog(Database& db, const std::vector<Service>& services);

// The active services in display order.
std::vector<Service> load_active_services(Database& db);

}  // namespace kiosk
