// The console's alerts (docs/hq-console.md, "Alerts"): conditions HQ watches
// in every store, each an alert while it lasts, kept after it clears, and
// acknowledged by a manager with a comment:
// - wait-over-target (subject: the service): a visit has waited its service's
//   target and 15 minutes more;
// - unhappy-ratings: of the last 15 minutes' ratings, at least 4, half or more
//   are 1 or 2;
// - store-down, store-behind, printer-out-of-paper: from the devices' health
//   reports (`hq stores`' problems).
// evaluate_alerts() opens, refreshes and clears them in one transaction (hq's
// AlertWatcher every 30 s, and `hq alerts` before it lists).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "codec/api_json.h"
#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

constexpr EpochMs kWaitAlertGraceMs = 15 * 60'000;  // past the target this long: an alert
constexpr EpochMs kUnhappyWindowMs = 15 * 60'000;
constexpr int kUnhappyMinimum = 4;

void evaluate_alerts(HqDb& db, EpochMs now);

// Newest first: the open ones, or every one of the last 30 days (`all`).
nlohmann::ordered_json alert_list(HqDb& db, bool all, EpochMs now);

// 404 unknown-alert, 409 already-acknowledged, 400 bad-field (a comment of 1
// to 500 characters, one line). Audited as `actor`.
std::variant<nlohmann::ordered_json, ApiError> acknowledge_alert(HqDb& db, const std::string& id,
                                                                 const std::string& comment, const std::string& actor,
                                                                 EpochMs now);

}  // namespace kiosk::hq
