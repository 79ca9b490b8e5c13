// The staffing forecast (docs/hq-console.md, "Staffing forecast"): for one
// store and the whole weeks before its current business day, per service and
// hour of the week, the average arrivals an hour and service time, the
// counters Erlang C needs to call the goal share of visitors within the
// service's wait target (queue/staffing.h), and the counters actually open
// then, read from the store's ledgers (figure_ledger.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "codec/api_json.h"
#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

constexpr int kForecastWeeks = 8;
constexpr int kForecastWeeksMax = 26;
// An hour of the week takes its own average service time from this many done
// tickets on; below, the service's average over the weeks.
constexpr int kForecastHourSamplesMin = 30;

// 400 bad-query (weeks out of 1..kForecastWeeksMax), 404 unknown-store.
std::variant<nlohmann::ordered_json, ApiError> staffing_forecast(HqDb& db, const std::string& store, std::int64_t weeks,
                                                                 EpochMs now);

}  // namespace kiosk::hq
