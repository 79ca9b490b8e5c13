// Reports over HQ's figures (figure_store.h) for a range of business days and
// one store or all: read from sums rows, never from records. One store over a
// month or less is read from its ledgers, so every figure (the 90th
// percentile too) is the one `kioskctl stats` gives for the same tickets; a
// longer range or several stores read the ledgers' sums and whole months'
// sums (made on first need), and the 90th percentile from one-minute bins
// (queue/wait_histogram.h).
// docs/hq-console.md ("Reports").
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct ReportRange {
  std::string from, to;              // business days, inclusive
  std::optional<std::string> store;  // nullopt: every store
};

constexpr int kMaxReportDays = 400;

// The day after `day` (YYYY-MM-DD, checked).
std::string next_day(const std::string& day);

// Checks dates (YYYY-MM-DD, from <= to, at most kMaxReportDays) and the store.
// Error codes: "bad-query", "unknown-store".
Result<ReportRange> check_report_range(HqDb& db, const std::string& from, const std::string& to,
                                       const std::optional<std::string>& store);

// How many business days a checked range covers (from and to included).
int report_days(const ReportRange& range);

// By service and in total: tickets, waits, target share, service time,
// no-shows, the estimate's error (queue/day_stats.h's keys), and ratings
// (count, satisfied share, how many of each score); the reasons given with
// ratings, and arrivals by weekday and hour.
nlohmann::ordered_json services_report(HqDb& db, const ReportRange& range, EpochMs now);

// Every store over more than this many days: the trend by month.
constexpr int kTrendDaysMax = 92;

// By day (by month, see above): tickets, average wait, target share,
// ratings and satisfied share.
nlohmann::ordered_json trend_report(HqDb& db, const ReportRange& range, EpochMs now);

}  // namespace kiosk::hq
