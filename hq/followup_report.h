// The follow-up report (docs/follow-up.md, "Reports"; the manager's
// `#/followup-report`, `hq report followups`): the figures of
// followup_figures.h over the tasks due in a range of the stores' days and
// the complaints issued in it, in total, per store and per technician (the
// request's technician when it was done). Never a phone or a name of a
// customer.
#pragma once

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "hq/figure_reports.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

nlohmann::ordered_json followup_report(HqDb& db, const ReportRange& range, EpochMs now);

}  // namespace kiosk::hq
