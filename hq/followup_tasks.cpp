// Follow-up tasks made and cancelled (followup_tasks.h).
#include "hq/followup_tasks.h"

#include <vector>

#include "hq/followup_calendar.h"
#include "hq/followup_complaints.h"

namespace kiosk::hq {

std::string followup_id(const NewFollowup& task) {
  if (task.subject_kind == "ticket") return "ticket:" + task.subject;
  return "request:" + task.store_id + ":" + task.subject + ":" + std::to_string(task.request_version.value_or(0));
}

void make_followup(HqDb& db, const NewFollowup& task, const FollowupSettings& settings, const StoreTimeZone& zone,
                   EpochMs now) {
  db.run(
      "INSERT INTO followup(id, store_id, subject_kind, subject, request_version, technician, complaint, done_at, "
      "due_day, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO NOTHING",
      {followup_id(task), task.store_id, task.subject_kind, task.subject, task.request_version, task.technician,
       std::int64_t(task.complaint ? 1 : 0), task.done_at,
       followup_due_day(settings, zone, task.done_at, task.complaint), now});
}

void followups_after_request_change(HqDb& db, const std::string& store_id, const std::string& code, EpochMs now) {
  struct Row {
    std::string state;
    std::int64_t version;
    EpochMs updated_at;
    std::optional<EpochMs> done_at;
    std::optional<std::string> assignee;
    std::string zone;
    bool complaint;
  };
  std::optional<Row> request;
  db.first(
      "SELECT h.state, h.version, h.updated_at, h.done_at, h.assignee, st.time_zone, CASE WHEN EXISTS (SELECT 1 "
      "FROM complaint c WHERE c.store_id = h.store_id AND c.request_code = h.code) THEN 1 ELSE 0 END "
      "FROM hq_request h JOIN hq_store st ON st.id = h.store_id WHERE h.store_id = ?1 AND h.code = ?2",
      {store_id, code}, [&](const SqlRow& row) {
        request = Row{row.text(0),          row.int64(1), row.int64(2),     row.optional_int64(3),
                      row.optional_text(4), row.text(5),  row.int64(6) == 1};
      });
  if (!request) return;
  // Done now: at this version; closed: at the version before (closing follows done only).
  const bool done = request->state == "done", closed = request->state == "closed";
  const std::int64_t settled_version = closed ? request->version - 1 : request->version;
  db.run(
      "UPDATE followup SET state = 'cancelled' WHERE store_id = ?1 AND subject_kind = 'request' AND subject = ?2 "
      "AND state = 'due' AND request_version < ?3",
      {store_id, code, settled_version});
  if (!done && !closed) return;
  const NewFollowup task{store_id,
                         "request",
                         code,
                         settled_version,
                         request->assignee,
                         request->complaint,
                         done ? request->updated_at : request->done_at.value_or(request->updated_at)};
  if (db.first("SELECT 1 FROM followup WHERE id = ?1", {followup_id(task)})) return;
  make_followup(db, task, followup_settings(db), store_zone_or_default(request->zone), now);
}

void fill_followups_if_needed(HqDb& db, EpochMs now) {
  db.write([&] {
    if (db.single_int64(std::string("SELECT filled FROM followup_fill") + db.for_update(), {}).value_or(1) != 0)
      return 0;
    fill_complaints(db, now);
    std::vector<std::pair<std::string, std::string>> done;
    db.each("SELECT store_id, code FROM hq_request WHERE state IN ('done', 'closed') ORDER BY store_id, code", {},
            [&](const SqlRow& row) { done.emplace_back(row.text(0), row.text(1)); });
    for (const auto& [store_id, code] : done) followups_after_request_change(db, store_id, code, now);
    db.run("UPDATE followup_fill SET filled = 1");
    return 0;
  });
}

}  // namespace kiosk::hq
