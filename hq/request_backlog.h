// The requests report (docs/hq-console.md, "Requests"): the open repair and
// installation requests now, of every store or one, from hq_request: how many
// in each state, by age, overdue (dispatch_board.h's rule), and per store and
// per technician.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

nlohmann::ordered_json request_backlog(HqDb& db, const std::optional<std::string>& store, EpochMs now);

}  // namespace kiosk::hq
