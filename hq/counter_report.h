// The counters and staff report: for one store and a range of business days,
// per counter and per staff member who called its tickets, the tickets
// served, no-shows, average service time and the ratings of their visits,
// read from the store's ledgers (figure_ledger.h) and counted with shared/'s
// definitions (queue/day_stats.h, ratings/rating_figures.h).
// docs/hq-console.md ("Counters and staff").
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "hq/figure_reports.h"

namespace kiosk::hq {

// The longest range it reads (a quarter: every ledger of the store's days).
constexpr int kCounterReportMaxDays = 92;

// `range` as check_report_range() passed it; refused ("bad-query") without a
// store or over more than kCounterReportMaxDays days.
Result<nlohmann::ordered_json> counter_report(HqDb& db, const ReportRange& range, EpochMs now);

}  // namespace kiosk::hq
