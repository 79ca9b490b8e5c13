// The help report (docs/help-articles.md, "At HQ"; docs/hq-console.md,
// "Help"): over a range of business days, of every store or one, what the
// kiosks counted of the help articles (kb_use_counts.h), in total, per
// article (with its titles, service and product as HQ holds it) and per
// store, read from the per-day sums in kb_use_day.
#pragma once

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/result.h"
#include "hq/figure_reports.h"

namespace kiosk::hq {

// `range` as check_report_range() passed it.
Result<nlohmann::ordered_json> help_report(HqDb& db, const ReportRange& range, EpochMs now);

}  // namespace kiosk::hq
