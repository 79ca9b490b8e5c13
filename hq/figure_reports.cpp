// Reports over HQ's figure rows (figure_reports.h).
#include "hq/figure_reports.h"

#include <chrono>

#include "codec/queue_json.h"
#include "core/store_time_zone.h"
#include "hq/figure_store.h"
#include "queue/wait_histogram.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
namespace chr = std::chrono;

constexpr int kExactMaxDays = 31;

chr::sys_days to_days(const std::string& date) {
  return chr::sys_days(chr::year_month_day(chr::year(std::stoi(date.substr(0, 4))),
                                           chr::month(unsigned(std::stoi(date.substr(5, 2)))),
                                           chr::day(unsigned(std::stoi(date.substr(8, 2))))));
}

std::string to_date(chr::sys_days days) {
  const chr::year_month_day ymd(days);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return text;
}

// One service's part of a report: sums, and what the sums cannot give.
struct Part {
  FigureSums sums;
  std::int64_t uncalled_judged = 0;
  std::vector<double> waits_s;  // exact path only

  json figures(bool exact) const {
    const std::optional<double> p90 =
        exact ? nearest_rank_percentile(waits_s, 0.9) : percentile_from_bins(sums.wait_bins, 0.9);
    json j = to_json(figures_of(sums.stats, uncalled_judged, p90));
    j["ratings"] = sums.ratings.count();
    j["satisfied_share"] = satisfied_share(sums.ratings) ? json(*satisfied_share(sums.ratings)) : json(nullptr);
    j["scores"] = sums.ratings.scores;
    return j;
  }
};

// Adds a day row whose ledger is at hand: uncalled visits judged against now,
// waits kept for the exact percentile.
void add_ledger(Part& part, const Ledger& ledger, int target_s, EpochMs now) {
  for (const auto& [id, e] : ledger) {
    if (uncalled_past_target(e.times, target_s, now)) ++part.uncalled_judged;
    if (const std::optional<std::int64_t> wait = visit_wait_ms(e.times)) part.waits_s.push_back(double(*wait) / 1000.0);
  }
}

std::string sums_select() {
  std::string list;
  for (const std::string& column : figure_sum_columns()) list += ", " + column;
  return list;
}

}  // namespace

Result<ReportRange> check_report_range(HqDb& db, const std::string& from, const std::string& to,
                                       const std::optional<std::string>& store) {
  return hq_guarded([&]() -> Result<ReportRange> {
    if (!is_calendar_date(from) || !is_calendar_date(to))
      return invalid_argument("from and to must be dates written YYYY-MM-DD (got \"" + from + "\" and \"" + to + "\")",
                              "bad-query");
    if (from > to) return invalid_argument("from (" + from + ") is after to (" + to + ")", "bad-query");
    if ((to_days(to) - to_days(from)).count() + 1 > kMaxReportDays)
      return invalid_argument("a report covers at most " + std::to_string(kMaxReportDays) + " days", "bad-query");
    if (store && !db.first("SELECT 1 FROM hq_store WHERE id = ?1", {*store}))
      return invalid_argument("HQ has no store \"" + *store + "\"", "unknown-store");
    return ReportRange{from, to, store};
  });
}

json services_report(HqDb& db, const ReportRange& range, EpochMs now) {
  const std::map<std::string, int> targets = service_wait_targets(db);
  const bool exact = range.store && (to_days(range.to) - to_days(range.from)).count() < kExactMaxDays;
  // Days from here on may hold visits not yet past their target.
  const std::string recent = first_recent_day(now);
  std::map<std::string, Part> by_service;
  // One store's rows by the index that starts with the store; every store's by day.
  const std::string store_filter = range.store ? "store_id = ?1" : "CAST(?1 AS TEXT) IS NULL";
  // A visit never called on a day before the recent ones has missed its
  // target; on a recent day it is judged against now, to the minute it was
  // issued, in its store's time zone.
  std::map<std::string, StoreTimeZone> zones;  // by store
  db.each("SELECT id, time_zone FROM hq_store", {}, [&](const SqlRow& row) {
    Result<StoreTimeZone> zone = StoreTimeZone::load(row.text(1));
    if (zone) zones.emplace(row.text(0), zone.value());
  });
  // Sums of ledgers (day = the day), of months (day = the month's first) or
  // totals (store '').
  const auto add_sums = [&](const SqlRow& row) {
    Part& part = by_service[row.text(0)];
    const FigureSums sums = read_figure_sums(row, 3);
    part.sums += sums;
    const std::string day = row.text(1);
    const auto zone = zones.find(row.text(2));
    if (day < recent || zone == zones.end()) {
      part.uncalled_judged += sums.stats.uncalled;
      return;
    }
    const EpochMs day_start = zone->second.day_start(day);
    const std::int64_t target_ms = std::int64_t(wait_target_of(targets, row.text(0))) * 1000;
    for (const auto& [minute, count] : sums.uncalled_at)
      if (now - (day_start + std::int64_t(minute) * 60'000) > target_ms) part.uncalled_judged += count;
  };

  if (exact) {
    db.each(
        "SELECT service, ledger" + sums_select() + " FROM figure_ledger WHERE store_id = ?1 AND day BETWEEN ?2 AND ?3",
        {range.store, range.from, range.to}, [&](const SqlRow& row) {
          Part& part = by_service[row.text(0)];
          part.sums += read_figure_sums(row, 2);
          const std::optional<Ledger> ledger = decode_ledger(row.text(1), row.text(0));
          if (!ledger)
            throw StorageFailure(StorageFailure::Kind::Failed,
                                 "the figures of a day are damaged; run `hq figures rebuild`");
          add_ledger(part, *ledger, wait_target_of(targets, row.text(0)), now);
        });
  } else {
    // Whole months over: their sums (one store's, or every store's total).
    // Other days over: one store's ledgers' sums, or every store's day totals.
    // Recent days: the ledgers' sums (uncalled visits judged against now).
    const std::string sums_table = range.store ? "figure_month WHERE month = ?2 AND store_id = ?1"
                                               : "figure_total WHERE period = ?2 AND CAST(?1 AS TEXT) IS NULL";
    const auto read_ledger_sums = [&](const std::string& first, const std::string& last) {
      db.each("SELECT service, day, store_id" + sums_select() + " FROM figure_ledger WHERE day BETWEEN ?2 AND ?3 AND " +
                  store_filter,
              {range.store, first, last}, add_sums);
    };
    for (chr::sys_days day = to_days(range.from), last = to_days(range.to); day <= last;) {
      const chr::year_month_day ymd(day);
      const chr::sys_days month_end = chr::sys_days(ymd.year() / ymd.month() / chr::last);
      const std::string first = to_date(day);
      if (unsigned(ymd.day()) == 1 && month_end <= last && to_date(month_end) < recent) {
        ensure_made(db, first.substr(0, 7), now);
        db.each("SELECT service, CAST(?3 AS TEXT), ''" + sums_select() + " FROM " + sums_table,
                {range.store, first.substr(0, 7), first}, add_sums);
        day = month_end + chr::days(1);
        continue;
      }
      const chr::sys_days span_end = std::min(month_end, last);
      if (range.store || to_date(day) >= recent) {
        read_ledger_sums(first, to_date(span_end));
      } else {
        for (chr::sys_days d = day; d <= span_end && to_date(d) < recent; d += chr::days(1)) {
          ensure_made(db, to_date(d), now);
          db.each("SELECT service, period, ''" + sums_select() + " FROM " + sums_table, {range.store, to_date(d)},
                  add_sums);
        }
        if (to_date(span_end) >= recent) read_ledger_sums(std::max(first, recent), to_date(span_end));
      }
      day = span_end + chr::days(1);
    }
  }

  const std::map<std::string, ServiceNames> names = service_names(db);
  Part total;
  json services = json::array();
  for (const auto& [code, part] : by_service) {
    const auto name = names.find(code);
    json line{{"service", code},
              {"zh", name != names.end() ? name->second.zh : code},
              {"en", name != names.end() ? name->second.en : code},
              {"wait_target_min", wait_target_of(targets, code) / 60}};
    line.update(part.figures(exact));
    services.push_back(std::move(line));
    total.sums += part.sums;
    total.uncalled_judged += part.uncalled_judged;
    total.waits_s.insert(total.waits_s.end(), part.waits_s.begin(), part.waits_s.end());
  }
  return json{{"query", {{"from", range.from}, {"to", range.to}, {"store", range.store ? json(*range.store) : json()}}},
              {"services", services},
              {"total", total.figures(exact)},
              {"notes", {{"p90", exact ? "exact" : "one-minute bins"}}},
              {"hq_time", now}};
}

}  // namespace kiosk::hq
