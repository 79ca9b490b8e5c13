// Reports over HQ's figure rows (figure_reports.h).
#include "hq/figure_reports.h"

#include <chrono>
#include <functional>

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

std::string next_day(const std::string& day) { return to_date(to_days(day) + chr::days(1)); }

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

int report_days(const ReportRange& range) { return int((to_days(range.to) - to_days(range.from)).count()) + 1; }

namespace {

// Parts of a report: by bucket (a day, a month, or "" for the whole range)
// and service.
using Parts = std::map<std::pair<std::string, std::string>, Part>;

// Reads what covers a range into parts. One store over up to a month: its
// ledgers (exact). Else: made sums of whole months over (when the bucket is
// the month or the range), of days over (one store: its ledgers' sums; all:
// the day's totals), and the ledgers' sums of the recent days, whose visits
// not called are judged against now.
class RangeReader {
 public:
  using Bucket = std::function<std::string(const std::string& day)>;
  RangeReader(HqDb& db, const ReportRange& range, EpochMs now, Bucket bucket, bool whole_months)
      : db_(db),
        range_(range),
        now_(now),
        bucket_(std::move(bucket)),
        whole_months_(whole_months),
        exact_(range.store && (to_days(range.to) - to_days(range.from)).count() < kExactMaxDays),
        recent_(first_recent_day(now)),
        targets_(service_wait_targets(db)),
        store_filter_(range.store ? "store_id = ?1" : "CAST(?1 AS TEXT) IS NULL") {
    db.each("SELECT id, time_zone FROM hq_store", {}, [&](const SqlRow& row) {
      Result<StoreTimeZone> zone = StoreTimeZone::load(row.text(1));
      if (zone) zones_.emplace(row.text(0), zone.value());
    });
  }

  bool exact() const { return exact_; }
  const std::map<std::string, int>& targets() const { return targets_; }

  Parts read() {
    if (exact_) {
      db_.each("SELECT service, day, ledger" + sums_select() +
                   " FROM figure_ledger WHERE store_id = ?1 AND day BETWEEN ?2 AND ?3",
               {range_.store, range_.from, range_.to}, [&](const SqlRow& row) {
                 Part& part = parts_[{bucket_(row.text(1)), row.text(0)}];
                 part.sums += read_figure_sums(row, 3);
                 const std::optional<Ledger> ledger = decode_ledger(row.text(2), row.text(0));
                 if (!ledger)
                   throw StorageFailure(StorageFailure::Kind::Failed,
                                        "the figures of a day are damaged; run `hq figures rebuild`");
                 add_ledger(part, *ledger, wait_target_of(targets_, row.text(0)), now_);
               });
      return std::move(parts_);
    }
    const std::string sums_table = range_.store ? "figure_month WHERE month = ?2 AND store_id = ?1"
                                                : "figure_total WHERE period = ?2 AND CAST(?1 AS TEXT) IS NULL";
    for (chr::sys_days day = to_days(range_.from), last = to_days(range_.to); day <= last;) {
      const chr::year_month_day ymd(day);
      const chr::sys_days month_end = chr::sys_days(ymd.year() / ymd.month() / chr::last);
      const std::string first = to_date(day);
      if (whole_months_ && unsigned(ymd.day()) == 1 && month_end <= last && to_date(month_end) < recent_) {
        ensure_made(db_, first.substr(0, 7), now_);
        db_.each("SELECT service, CAST(?3 AS TEXT), ''" + sums_select() + " FROM " + sums_table,
                 {range_.store, first.substr(0, 7), first}, [&](const SqlRow& row) { add_sums(row); });
        day = month_end + chr::days(1);
        continue;
      }
      const chr::sys_days span_end = std::min(month_end, last);
      if (range_.store || first >= recent_) {
        read_ledger_sums(first, to_date(span_end));
      } else {
        for (chr::sys_days d = day; d <= span_end && to_date(d) < recent_; d += chr::days(1)) {
          ensure_made(db_, to_date(d), now_);
          db_.each("SELECT service, period, ''" + sums_select() + " FROM " + sums_table, {range_.store, to_date(d)},
                   [&](const SqlRow& row) { add_sums(row); });
        }
        if (to_date(span_end) >= recent_) read_ledger_sums(std::max(first, recent_), to_date(span_end));
      }
      day = span_end + chr::days(1);
    }
    return std::move(parts_);
  }

 private:
  void read_ledger_sums(const std::string& first, const std::string& last) {
    db_.each("SELECT service, day, store_id" + sums_select() + " FROM figure_ledger WHERE day BETWEEN ?2 AND ?3 AND " +
                 store_filter_,
             {range_.store, first, last}, [&](const SqlRow& row) { add_sums(row); });
  }

  // A row of sums: (service, day, store, sums...). A visit never called on a
  // day before the recent ones has missed its target; on a recent day it is
  // judged against now, to the minute it was issued, in its store's time zone.
  void add_sums(const SqlRow& row) {
    const std::string day = row.text(1);
    Part& part = parts_[{bucket_(day), row.text(0)}];
    const FigureSums sums = read_figure_sums(row, 3);
    part.sums += sums;
    const auto zone = zones_.find(row.text(2));
    if (day < recent_ || zone == zones_.end()) {
      part.uncalled_judged += sums.stats.uncalled;
      return;
    }
    const EpochMs day_start = zone->second.day_start(day);
    const std::int64_t target_ms = std::int64_t(wait_target_of(targets_, row.text(0))) * 1000;
    for (const auto& [minute, count] : sums.uncalled_at)
      if (now_ - (day_start + std::int64_t(minute) * 60'000) > target_ms) part.uncalled_judged += count;
  }

  HqDb& db_;
  const ReportRange& range_;
  EpochMs now_;
  Bucket bucket_;
  bool whole_months_;
  bool exact_;
  std::string recent_;  // days from here on may hold visits not yet past their target
  std::map<std::string, int> targets_;
  std::string store_filter_;                    // one store's rows by the index that starts with the store
  std::map<std::string, StoreTimeZone> zones_;  // by store
  Parts parts_;
};

json query_json(const ReportRange& range) {
  return {{"from", range.from}, {"to", range.to}, {"store", range.store ? json(*range.store) : json()}};
}

}  // namespace

json services_report(HqDb& db, const ReportRange& range, EpochMs now) {
  RangeReader reader(
      db, range, now, [](const std::string&) { return std::string(); }, true);
  const bool exact = reader.exact();
  const std::map<std::string, int>& targets = reader.targets();
  std::map<std::string, Part> by_service;
  for (auto& [key, part] : reader.read()) by_service[key.second] = std::move(part);

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
  json arrivals = json::array();  // [weekday (0 Sunday), hour, visits]
  for (const auto& [slot, count] : total.sums.arrivals) arrivals.push_back({slot / 24, slot % 24, count});
  return json{{"query", query_json(range)},
              {"services", services},
              {"total", total.figures(exact)},
              {"reasons", total.sums.ratings.reasons},
              {"arrivals", arrivals},
              {"notes", {{"p90", exact ? "exact" : "one-minute bins"}}},
              {"hq_time", now}};
}

json trend_report(HqDb& db, const ReportRange& range, EpochMs now) {
  const bool by_month = !range.store && (to_days(range.to) - to_days(range.from)).count() + 1 > kTrendDaysMax;
  RangeReader reader(
      db, range, now, [by_month](const std::string& day) { return by_month ? day.substr(0, 7) : day; }, by_month);
  std::map<std::string, Part> periods;  // every day (or month) of the range, with visits or not
  for (chr::sys_days day = to_days(range.from), last = to_days(range.to); day <= last; day += chr::days(1))
    periods[by_month ? to_date(day).substr(0, 7) : to_date(day)];
  for (auto& [key, part] : reader.read()) {
    Part& period = periods[key.first];
    period.sums += part.sums;
    period.uncalled_judged += part.uncalled_judged;
  }
  json list = json::array();
  for (const auto& [period, part] : periods) {
    const StatsFigures f = figures_of(part.sums.stats, part.uncalled_judged, std::nullopt);
    const std::optional<double> satisfied = satisfied_share(part.sums.ratings);
    list.push_back({{"period", period},
                    {"tickets", f.tickets},
                    {"average_wait_s", f.average_wait_s ? json(*f.average_wait_s) : json()},
                    {"within_target_share", f.within_target_share ? json(*f.within_target_share) : json()},
                    {"ratings", part.sums.ratings.count()},
                    {"satisfied_share", satisfied ? json(*satisfied) : json()}});
  }
  return json{{"query", query_json(range)}, {"by", by_month ? "month" : "day"}, {"periods", list}, {"hq_time", now}};
}

}  // namespace kiosk::hq
