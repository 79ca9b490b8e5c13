// The follow-up report (followup_report.h).
#include "hq/followup_report.h"

#include <algorithm>
#include <map>

#include "hq/followup_calendar.h"
#include "hq/followup_figures.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

struct StoreTally {
  std::string name;
  FollowupTally followups;
  ComplaintTally complaints;
};

struct TechnicianTally {
  std::string name;
  FollowupTally followups;
};

}  // namespace

json followup_report(HqDb& db, const ReportRange& range, EpochMs now) {
  FollowupTally all;
  ComplaintTally all_complaints;
  std::map<std::string, StoreTally> stores;
  std::map<std::pair<std::string, std::string>, TechnicianTally> technicians;  // (store, id)

  std::vector<SqlParam> params{range.from, range.to};
  if (range.store) params.emplace_back(*range.store);
  db.each(
      "SELECT f.store_id, st.name, f.technician, sf.name, f.state, f.due_day, f.done_day, f.reached, f.solved, "
      "f.subject_kind, CASE WHEN h.second_visit = 0 AND NOT EXISTS (SELECT 1 FROM followup e WHERE "
      "e.store_id = f.store_id AND e.subject_kind = 'request' AND e.subject = f.subject AND "
      "e.request_version < f.request_version) THEN 1 ELSE 0 END "
      "FROM followup f JOIN hq_store st ON st.id = f.store_id LEFT JOIN staff sf ON sf.id = f.technician "
      "LEFT JOIN hq_request h ON f.subject_kind = 'request' AND h.store_id = f.store_id AND h.code = f.subject "
      "WHERE f.due_day >= ?1 AND f.due_day <= ?2 AND f.state <> 'cancelled'" +
          std::string(range.store ? " AND f.store_id = ?3" : ""),
      params, [&](const SqlRow& row) {
        const bool done = row.text(4) == "done", request = row.text(9) == "request";
        const FollowupFact fact{done,
                                done && !row.is_null(6) && row.text(6) <= row.text(5),
                                row.optional_int64(7).value_or(0) == 1,
                                row.is_null(8) ? std::nullopt : std::optional<bool>(row.int64(8) == 1),
                                request,
                                request && row.int64(10) == 1};
        all.add(fact);
        StoreTally& store = stores[row.text(0)];
        store.name = row.text(1);
        store.followups.add(fact);
        if (!row.is_null(2)) {
          TechnicianTally& technician = technicians[{row.text(0), row.text(2)}];
          technician.name = row.is_null(3) ? row.text(2) : row.text(3);
          technician.followups.add(fact);
        }
      });

  // Complaints issued in the range of each store's days.
  std::map<std::string, std::pair<EpochMs, EpochMs>> days;  // store -> [from, until)
  std::map<std::string, std::string> names;
  db.each(std::string("SELECT id, name, time_zone FROM hq_store") + (range.store ? " WHERE id = ?1" : ""),
          range.store ? SqlParams{*range.store} : SqlParams{}, [&](const SqlRow& row) {
            const StoreTimeZone zone = store_zone_or_default(row.text(2));
            days[row.text(0)] = {zone.day_start(range.from), zone.day_start(next_day(range.to))};
            names[row.text(0)] = row.text(1);
          });
  if (!days.empty()) {
    EpochMs lowest = INT64_MAX, highest = INT64_MIN;
    for (const auto& [id, span] : days) {
      lowest = std::min(lowest, span.first);
      highest = std::max(highest, span.second);
    }
    std::vector<SqlParam> complaint_params{lowest, highest};
    if (range.store) complaint_params.emplace_back(*range.store);
    db.each(std::string("SELECT store_id, issued_at, solved_at FROM complaint WHERE issued_at >= ?1 AND "
                        "issued_at < ?2 AND state NOT IN ('no-show', 'cancelled', 'transferred')") +
                (range.store ? " AND store_id = ?3" : ""),
            complaint_params, [&](const SqlRow& row) {
              const auto span = days.find(row.text(0));
              if (span == days.end() || row.int64(1) < span->second.first || row.int64(1) >= span->second.second)
                return;
              all_complaints.add(row.int64(1), row.optional_int64(2));
              StoreTally& store = stores[row.text(0)];
              store.name = names[row.text(0)];
              store.complaints.add(row.int64(1), row.optional_int64(2));
            });
  }

  json total = all.figures();
  total["complaints"] = all_complaints.figures();
  json store_rows = json::array(), technician_rows = json::array();
  for (const auto& [id, tally] : stores) {
    json row{{"store", id}, {"name", tally.name}};
    row.update(tally.followups.figures());
    row["complaints"] = tally.complaints.figures();
    store_rows.push_back(row);
  }
  for (const auto& [key, tally] : technicians) {
    json row{{"store", key.first}, {"id", key.second}, {"name", tally.name}};
    row.update(tally.followups.figures());
    technician_rows.push_back(row);
  }
  return json{{"from", range.from}, {"to", range.to},       {"store", range.store ? json(*range.store) : json()},
              {"total", total},     {"stores", store_rows}, {"technicians", technician_rows},
              {"hq_time", now}};
}

}  // namespace kiosk::hq
