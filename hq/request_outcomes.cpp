// The requests' outcomes (request_outcomes.h).
#include "hq/request_outcomes.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/store_time_zone.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

struct Store {
  std::string name;
  EpochMs from = 0, until = 0;  // the range in the store's zone: [from, until)
};

struct Tally {
  std::set<std::string> done, reopened;  // request ids
  std::int64_t first_time_fixed = 0;

  json figures() const {
    const auto done_count = static_cast<std::int64_t>(done.size());
    return json{{"done", done_count},
                {"first_time_fixed", first_time_fixed},
                {"first_time_fixed_share", done_count ? json(double(first_time_fixed) / double(done_count)) : json()},
                {"reopened", reopened.size()}};
  }
};

std::map<std::string, Store> stores_of(HqDb& db, const ReportRange& range) {
  std::map<std::string, Store> stores;
  const std::string after = next_day(range.to);
  db.each(std::string("SELECT id, name, time_zone FROM hq_store") + (range.store ? " WHERE id = ?1" : ""),
          range.store ? SqlParams{*range.store} : SqlParams{}, [&](const SqlRow& row) {
            Result<StoreTimeZone> zone = StoreTimeZone::load(row.text(2));
            if (!zone) zone = StoreTimeZone::load("Asia/Shanghai");
            stores[row.text(0)] = Store{row.text(1), zone.value().day_start(range.from), zone.value().day_start(after)};
          });
  return stores;
}

}  // namespace

json request_outcomes(HqDb& db, const ReportRange& range, EpochMs now) {
  const std::map<std::string, Store> stores = stores_of(db, range);
  json answer{{"from", range.from}, {"to", range.to}, {"hq_time", now}};
  EpochMs lowest = INT64_MAX, highest = INT64_MIN;
  for (const auto& [id, store] : stores) {
    lowest = std::min(lowest, store.from);
    highest = std::max(highest, store.until);
  }
  Tally all;
  std::map<std::string, Tally> by_store;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, Tally>> by_technician;  // (store, id) -> name
  std::set<std::string> second_visits;  // requests done in the range that waited for parts or were reopened
  if (!stores.empty()) {
    const std::string store_filter = range.store ? " AND e.store_id = ?3" : "";
    std::vector<SqlParam> params{lowest, highest};
    if (range.store) params.emplace_back(*range.store);
    db.each(
        "SELECT DISTINCT e.request_id FROM hq_request_event e WHERE e.state IN ('waiting-for-parts', 'reopened') "
        "AND e.request_id IN (SELECT d.request_id FROM hq_request_event d WHERE d.state = 'done' "
        "AND d.at >= ?1 AND d.at < ?2)" +
            store_filter,
        params, [&](const SqlRow& row) { second_visits.insert(row.text(0)); });
    db.each(
        "SELECT e.store_id, e.request_id, e.state, e.at, h.assignee, sf.name FROM hq_request_event e "
        "LEFT JOIN hq_request h ON h.record_id = e.request_id LEFT JOIN staff sf ON sf.id = h.assignee "
        "WHERE e.state IN ('done', 'reopened') AND e.at >= ?1 AND e.at < ?2" +
            store_filter,
        params, [&](const SqlRow& row) {
          const auto store = stores.find(row.text(0));
          const EpochMs at = row.int64(3);
          if (store == stores.end() || at < store->second.from || at >= store->second.until) return;
          const std::string request = row.text(1);
          const bool done = row.text(2) == "done";
          std::vector<Tally*> tallies{&all, &by_store[store->first]};
          if (!row.is_null(4)) {
            auto& [name, tally] = by_technician[{store->first, row.text(4)}];
            name = row.is_null(5) ? row.text(4) : row.text(5);
            tallies.push_back(&tally);
          }
          for (Tally* tally : tallies) {
            if (!done) {
              tally->reopened.insert(request);
            } else if (tally->done.insert(request).second && !second_visits.count(request)) {
              ++tally->first_time_fixed;
            }
          }
        });
  }
  answer["total"] = all.figures();
  json store_rows = json::array(), technician_rows = json::array();
  for (const auto& [id, tally] : by_store) {
    json row{{"store", id}, {"name", stores.at(id).name}};
    row.update(tally.figures());
    store_rows.push_back(row);
  }
  for (const auto& [key, named] : by_technician) {
    json row{{"store", key.first}, {"id", key.second}, {"name", named.first}};
    row.update(named.second.figures());
    technician_rows.push_back(row);
  }
  answer["stores"] = store_rows;
  answer["technicians"] = technician_rows;
  return answer;
}

}  // namespace kiosk::hq
