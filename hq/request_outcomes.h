// The requests' outcomes over a range of days, of every store or one
// (docs/hq-console.md, "Request outcomes"): requests last done in the range,
// of them those fixed the first time (no wait for parts, never reopened),
// and requests last reopened in the range; per store and per technician
// (the request's assignee). Read from hq_request's outcome columns, kept
// from the steps stores upload (request_mirror.h); days are each store's.
#pragma once

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "hq/figure_reports.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

nlohmann::ordered_json request_outcomes(HqDb& db, const ReportRange& range, EpochMs now);

}  // namespace kiosk::hq
