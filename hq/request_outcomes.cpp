// The requests' outcomes (request_outcomes.h), from hq_request's outcome
// columns: one row per request, each counted once.
#include "hq/request_outcomes.h"

#include <algorithm>
#include <map>

#include "core/store_time_zone.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

struct Store {
  std::string name;
  EpochMs from = 0, until = 0;  // the range in the store's zone: [from, until)
};

struct Tally {
  std::int64_t done = 0, first_time_fixed = 0, reopened = 0;

  json figures() const {
    return json{{"done", done},
                {"first_time_fixed", first_time_fixed},
                {"first_time_fixed_share", done ? json(double(first_time_fixed) / double(done)) : json()},
                {"reopened", reopened}};
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
  if (!stores.empty()) {
    std::vector<SqlParam> params{lowest, highest};
    if (range.store) params.emplace_back(*range.store);
    db.each(std::string(
                "SELECT h.store_id, h.assignee, sf.name, h.done_at, h.reopened_at, h.second_visit FROM hq_request h "
                "LEFT JOIN staff sf ON sf.id = h.assignee "
                "WHERE ((h.done_at >= ?1 AND h.done_at < ?2) OR (h.reopened_at >= ?1 AND h.reopened_at < ?2))") +
                (range.store ? " AND h.store_id = ?3" : ""),
            params, [&](const SqlRow& row) {
              const auto store = stores.find(row.text(0));
              if (store == stores.end()) return;
              const auto within = [&](int column) {
                return !row.is_null(column) && row.int64(column) >= store->second.from &&
                       row.int64(column) < store->second.until;
              };
              const bool done = within(3), reopened = within(4), first_time = done && row.int64(5) == 0;
              if (!done && !reopened) return;
              std::vector<Tally*> tallies{&all, &by_store[store->first]};
              if (!row.is_null(1)) {
                auto& [name, tally] = by_technician[{store->first, row.text(1)}];
                name = row.is_null(2) ? row.text(1) : row.text(2);
                tallies.push_back(&tally);
              }
              for (Tally* tally : tallies) {
                tally->done += done;
                tally->first_time_fixed += first_time;
                tally->reopened += reopened;
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
