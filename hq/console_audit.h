// The console's audit list: who changed what, when (docs/hq-console.md). A
// change and its audit row are written in the same transaction; `hq` commands
// are recorded with the actor "cli".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "hq/hq_db.h"

namespace kiosk::hq {

void record_audit(HqDb& db, EpochMs at, const std::string& actor, const std::string& action, const std::string& target,
                  const nlohmann::ordered_json& detail = nlohmann::ordered_json::object());

// The newest entries first, at most `limit`, those before seq `before` when given.
nlohmann::ordered_json audit_list(HqDb& db, std::optional<std::int64_t> before, std::int64_t limit);

}  // namespace kiosk::hq
