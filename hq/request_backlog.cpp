// The requests report (request_backlog.h).
#include "hq/request_backlog.h"

#include <array>
#include <map>

#include "hq/dispatch_board.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

constexpr EpochMs kHourMs = 3'600'000;

// Ages of open requests: under a day, 1-3 days, 3-7 days, a week or more.
constexpr std::array<std::pair<const char*, EpochMs>, 4> kAges{
    {{"under-1d", 24 * kHourMs}, {"1-3d", 72 * kHourMs}, {"3-7d", 168 * kHourMs}, {"over-7d", INT64_MAX}}};

struct Tally {
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  std::optional<EpochMs> oldest;  // made at, of the oldest open request

  void add(bool is_overdue, EpochMs created_at) {
    ++open;
    overdue += is_overdue ? 1 : 0;
    if (!oldest || created_at < *oldest) oldest = created_at;
  }
  void put(json& row) const {
    row["open"] = open;
    row["overdue"] = overdue;
    row["oldest_at"] = oldest ? json(*oldest) : json(nullptr);
  }
};

}  // namespace

json request_backlog(HqDb& db, const std::optional<std::string>& store, EpochMs now) {
  const OverdueRules rules = overdue_rules(db);
  std::map<std::string, std::int64_t> by_state;
  std::array<std::int64_t, kAges.size()> by_age{};
  Tally all;
  std::map<std::string, std::pair<std::string, Tally>> stores;                         // id -> name, tally
  std::map<std::pair<std::string, std::string>, std::pair<std::string, Tally>> techs;  // (store, id) -> name
  const std::string sql =
      "SELECT h.store_id, st.name, h.state, h.urgency, h.created_at, h.assignee, sf.name FROM hq_request h "
      "JOIN hq_store st ON st.id = h.store_id LEFT JOIN staff sf ON sf.id = h.assignee WHERE h.state IN (" +
      open_state_list() + ")" + (store ? " AND h.store_id = ?1" : "");
  const auto row_of = [&](const SqlRow& row) {
    const EpochMs created_at = row.int64(4);
    const EpochMs age = now - created_at;
    const bool overdue = now > due_at(rules, row.text(3), created_at);
    ++by_state[row.text(2)];
    std::size_t bucket = 0;
    while (age >= kAges[bucket].second) ++bucket;
    ++by_age[bucket];
    all.add(overdue, created_at);
    auto& [store_name, store_tally] = stores[row.text(0)];
    store_name = row.text(1);
    store_tally.add(overdue, created_at);
    if (!row.is_null(5)) {
      auto& [tech_name, tech_tally] = techs[{row.text(0), row.text(5)}];
      tech_name = row.is_null(6) ? "" : row.text(6);
      tech_tally.add(overdue, created_at);
    }
  };
  if (store)
    db.each(sql, {*store}, row_of);
  else
    db.each(sql, {}, row_of);

  json states = json::object();
  for (const auto& [state, count] : by_state) states[state] = count;
  json ages = json::array();
  for (std::size_t i = 0; i < kAges.size(); ++i) ages.push_back({{"age", kAges[i].first}, {"open", by_age[i]}});
  json store_rows = json::array();
  for (const auto& [id, named] : stores) {
    json row{{"store", id}, {"name", named.first}};
    named.second.put(row);
    store_rows.push_back(row);
  }
  json tech_rows = json::array();
  for (const auto& [key, named] : techs) {
    json row{{"store", key.first}, {"id", key.second}, {"name", named.first}};
    named.second.put(row);
    tech_rows.push_back(row);
  }
  json total = json::object();
  all.put(total);
  return json{{"total", total},
              {"states", states},
              {"ages", ages},
              {"stores", store_rows},
              {"technicians", tech_rows},
              {"overdue_hours", {{"urgent", rules.urgent_hours}, {"normal", rules.normal_hours}}},
              {"hq_time", now}};
}

}  // namespace kiosk::hq
