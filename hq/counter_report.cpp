// The counters and staff report (counter_report.h).
#include "hq/counter_report.h"

#include <map>
#include <set>
#include <tuple>

#include "hq/figure_store.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// What the tickets called at one counter (or by one staff member) add up to.
struct Tally {
  StatsSums stats;
  RatingSums ratings;
  std::set<int> counters;  // where they were called (a staff member's counters)

  void add(const LedgerEntry& e, int target_s) {
    add_ticket(stats, e.times, target_s);
    if (e.score) ratings.add(*e.score, e.reasons);
    counters.insert(*e.counter);
  }
  Tally& operator+=(const Tally& other) {
    stats += other.stats;
    ratings += other.ratings;
    counters.insert(other.counters.begin(), other.counters.end());
    return *this;
  }
};

json optional_number(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json figures(const Tally& t) {
  const StatsFigures f = figures_of(t.stats, 0, std::nullopt);
  return json{{"served", f.served},
              {"no_shows", f.no_shows},
              {"no_show_rate", optional_number(f.no_show_rate)},
              {"average_service_s", optional_number(f.average_service_s)},
              {"ratings", t.ratings.count()},
              {"average_score", optional_number(average_score(t.ratings))},
              {"satisfied_share", optional_number(satisfied_share(t.ratings))},
              {"scores", t.ratings.scores}};
}

}  // namespace

Result<json> counter_report(HqDb& db, const ReportRange& range, EpochMs now) {
  if (!range.store) return invalid_argument("the counters report is for one store: give store=ID", "bad-query");
  if (report_days(range) > kCounterReportMaxDays)
    return invalid_argument("the counters report covers at most " + std::to_string(kCounterReportMaxDays) +
                                " days (got " + std::to_string(report_days(range)) + ")",
                            "bad-query");
  return hq_guarded([&]() -> Result<json> {
    const std::map<std::string, int> targets = service_wait_targets(db);
    std::map<int, Tally> by_counter;
    std::map<std::string, Tally> by_staff;  // "" for calls with nobody recorded
    db.each("SELECT service, ledger FROM figure_ledger WHERE store_id = ?1 AND day BETWEEN ?2 AND ?3",
            {*range.store, range.from, range.to}, [&](const SqlRow& row) {
              const std::optional<Ledger> ledger = decode_ledger(row.text(1), row.text(0));
              if (!ledger)
                throw StorageFailure(StorageFailure::Kind::Failed,
                                     "the figures of a day are damaged; run `hq figures rebuild`");
              const int target_s = wait_target_of(targets, row.text(0));
              for (const auto& [id, e] : *ledger) {
                if (!e.counter) continue;  // never called: no counter's, nobody's
                by_counter[*e.counter].add(e, target_s);
                by_staff[e.staff_id].add(e, target_s);
              }
            });
    std::map<std::string, std::string> names;  // by id, from HQ's staff table (whichever store they are of now)
    for (const auto& [id, tally] : by_staff)
      if (!id.empty())
        db.first("SELECT name FROM staff WHERE id = ?1", {id},
                 [&names, &id = id](const SqlRow& row) { names[id] = row.text(0); });  // clang 14: no captured bindings

    Tally total;
    json counters = json::array();
    for (const auto& [number, tally] : by_counter) {
      json line{{"counter", number}};
      line.update(figures(tally));
      counters.push_back(std::move(line));
      total += tally;
    }
    // By name; ids HQ does not know after them, calls with nobody recorded last.
    std::map<std::tuple<int, std::string, std::string>, json> staff_lines;
    for (const auto& [id, tally] : by_staff) {
      const auto name = names.find(id);
      const bool named = name != names.end();
      json line{{"staff", id.empty() ? json(nullptr) : json(id)},
                {"name", named ? json(name->second) : json(nullptr)},
                {"counters", tally.counters}};
      line.update(figures(tally));
      staff_lines[{id.empty() ? 2 : named ? 0 : 1, named ? name->second : "", id}] = std::move(line);
    }
    json staff = json::array();
    for (auto& [order, line] : staff_lines) staff.push_back(std::move(line));
    return json{{"query", {{"from", range.from}, {"to", range.to}, {"store", *range.store}}},
                {"counters", counters},
                {"staff", staff},
                {"total", figures(total)},
                {"hq_time", now}};
  });
}

}  // namespace kiosk::hq
