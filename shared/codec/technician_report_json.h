// What a technician's tablet says with a step (docs/hq-sync-protocol.md,
// "Technician devices"), read from a command's `data`: HQ reads it when the
// tablet sends the step (refusing a bad one), the store when the decision
// comes down its feed, with the same rules so a report HQ took never stops a
// store's feed.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "requests/request_book.h"

namespace kiosk {

// None when `data` holds no `actor` (not a technician's step). Throws
// BadRequest naming the field (after `where`) for anything out of bounds.
std::optional<TechnicianReport> technician_report_from(const nlohmann::json& data, const std::string& where);

}  // namespace kiosk
