// hq_request kept up to date (request_mirror.h).
#include "hq/request_mirror.h"

#include "hq/followup_complaints.h"
#include "hq/followup_tasks.h"
#include "hq/request_event_schema.h"
#include "hq/technician_feed.h"
#include "model/request_model.h"
#include "requests/request_lifecycle.h"

namespace kiosk::hq {

void mirror_upload(HqDb& db, const std::string& store_id, const std::string& record_id, const RequestFact& f,
                   EpochMs received_at) {
  const std::optional<std::string> assignee_before = assignee_of(db, store_id, f.code);
  db.run(
      "INSERT INTO hq_request(store_id, code, record_id, kind, product, problem, urgency, state, version, assignee, "
      "scheduled_date, scheduled_window, created_at, updated_at, closed_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
      "ON CONFLICT(store_id, code) DO UPDATE SET record_id = excluded.record_id, kind = excluded.kind, "
      "product = excluded.product, problem = excluded.problem, urgency = excluded.urgency, state = excluded.state, "
      "version = excluded.version, assignee = excluded.assignee, scheduled_date = excluded.scheduled_date, "
      "scheduled_window = excluded.scheduled_window, created_at = excluded.created_at, "
      "updated_at = excluded.updated_at, closed_at = excluded.closed_at "
      "WHERE excluded.version >= hq_request.version",
      {store_id, f.code, record_id, f.kind.empty() ? "repair" : f.kind, f.product, f.problem,
       f.urgency.empty() ? "normal" : f.urgency, f.state.empty() ? "received" : f.state, f.version, f.assignee,
       f.scheduled_date, f.scheduled_window, f.created_at.value_or(received_at), f.updated_at.value_or(received_at),
       f.closed_at});
  // Its steps may have come before it (a store's backlog): its outcome from them.
  db.run(KIOSK_HQ_REQUEST_OUTCOME_UPDATE "WHERE store_id = ?1 AND code = ?2", {store_id, f.code});
  publish_job(db, store_id, f.code, assignee_before, received_at);
  link_complaint_request(db, store_id, f.code, f.created_at.value_or(received_at));
  followups_after_request_change(db, store_id, f.code, received_at);
}

void mirror_event(HqDb& db, const std::string& store_id, const std::string& event_id, const RequestEventFact& f,
                  EpochMs received_at) {
  db.run(
      "INSERT INTO hq_request_event(id, store_id, request_id, state, at) VALUES (?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT(id) DO NOTHING",
      {event_id, store_id, f.request_id, f.state, f.at.value_or(received_at)});
  if (f.state == "done" || f.state == "reopened" || f.state == "waiting-for-parts")
    db.run(KIOSK_HQ_REQUEST_OUTCOME_UPDATE "WHERE record_id = ?1", {f.request_id});
}

void mirror_decision(HqDb& db, const std::string& store_id, const std::string& code, const RequestDecision& d,
                     EpochMs now) {
  const std::optional<RequestState> state = request_state_from(d.state);
  const bool final_state = state && is_final(*state);
  const std::optional<std::string> assignee_before = assignee_of(db, store_id, code);
  db.run(
      "UPDATE hq_request SET state = ?3, version = ?4, assignee = COALESCE(?5, assignee), "
      "scheduled_date = COALESCE(?6, scheduled_date), scheduled_window = COALESCE(?7, scheduled_window), "
      "updated_at = ?8, closed_at = CASE WHEN ?9 = 1 THEN ?8 ELSE closed_at END "
      "WHERE store_id = ?1 AND code = ?2 AND version < ?4",
      {store_id, code, d.state, d.version, d.assignee, d.scheduled_date, d.scheduled_window, now,
       std::int64_t(final_state ? 1 : 0)});
  publish_job(db, store_id, code, assignee_before, now);
  followups_after_request_change(db, store_id, code, now);
}

}  // namespace kiosk::hq
