// Complaints kept at HQ (followup_complaints.h).
#include "hq/followup_complaints.h"

#include <vector>

#include "hq/followup_calendar.h"
#include "hq/followup_tasks.h"
#include "model/queue_model.h"

namespace kiosk::hq {
namespace {

// The tasks still due of the request ticket `ticket_id` became, made before
// HQ knew it was a complaint's (the request came first): complaints' now,
// due the day it was done.
void make_complaint_tasks(HqDb& db, const std::string& store_id, const std::string& ticket_id,
                          const FollowupSettings& settings, const StoreTimeZone& zone) {
  std::vector<std::pair<std::string, EpochMs>> tasks;
  db.each(
      "SELECT f.id, f.done_at FROM followup f JOIN complaint c ON c.store_id = f.store_id AND "
      "c.request_code = f.subject WHERE c.ticket_id = ?1 AND f.store_id = ?2 AND f.subject_kind = 'request' AND "
      "f.state = 'due' AND f.complaint = 0",
      {ticket_id, store_id}, [&](const SqlRow& row) { tasks.emplace_back(row.text(0), row.int64(1)); });
  for (const auto& [id, done_at] : tasks)
    db.run("UPDATE followup SET complaint = 1, due_day = ?2 WHERE id = ?1",
           {id, followup_due_day(settings, zone, done_at, true)});
}

// A complaint ticket as uploaded: kept, solved when the counter resolved it,
// linked to the request it became, and given a follow-up task when the
// counter left it to a call.
void note_ticket(HqDb& db, const std::string& store_id, const std::string& ticket_id, const TicketFact& ticket,
                 const FollowupSettings& settings, const StoreTimeZone& zone, EpochMs now) {
  const TicketTimes& times = ticket.entry.times;
  const std::string& outcome = ticket.outcome;
  const std::optional<EpochMs> finished_at = times.finished_at;
  const bool finished = times.state == TicketState::Done && finished_at;
  // Solved when it finished, unless the counter left it to a call or a request
  // (a ticket finished without an outcome, by an older store, counts as resolved).
  const bool resolved = finished && outcome != "follow-up" && outcome != "request";
  db.run(
      "INSERT INTO complaint(ticket_id, store_id, label, service, issued_at, state, outcome, finished_at, solved_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(ticket_id) DO UPDATE SET label = excluded.label, "
      "service = excluded.service, issued_at = excluded.issued_at, state = excluded.state, "
      "outcome = excluded.outcome, finished_at = excluded.finished_at, "
      "solved_at = COALESCE(complaint.solved_at, excluded.solved_at)",
      {ticket_id, store_id, ticket.label, ticket.service, times.issued_at, to_string(times.state),
       outcome.empty() ? SqlParam(std::nullopt) : SqlParam(outcome), finished_at,
       resolved ? SqlParam(*finished_at) : SqlParam(std::nullopt)});
  if (!finished) return;
  if (outcome == "request") {
    db.run(
        "UPDATE complaint SET request_code = (SELECT min(h.code) FROM hq_request h WHERE h.store_id = ?2 "
        "AND h.created_at = ?3) WHERE ticket_id = ?1 AND request_code IS NULL",
        {ticket_id, store_id, *finished_at});
    make_complaint_tasks(db, store_id, ticket_id, settings, zone);
  }
  if (outcome == "follow-up")
    make_followup(db, NewFollowup{store_id, "ticket", ticket_id, std::nullopt, std::nullopt, true, *finished_at},
                  settings, zone, now);
}

std::string store_zone_name(HqDb& db, const std::string& store_id) {
  std::string zone = "Asia/Shanghai";
  db.first("SELECT time_zone FROM hq_store WHERE id = ?1", {store_id}, [&](const SqlRow& row) { zone = row.text(0); });
  return zone;
}

}  // namespace

void ComplaintTickets::add(const CheckedRecord& record) {
  if (!record.ticket) return;
  if (!settings_) settings_ = followup_settings(db_);
  if (!settings_->complaint_services.count(record.ticket->service)) return;
  if (!zone_) zone_ = store_zone_name(db_, store_id_);
  note_ticket(db_, store_id_, record.id, *record.ticket, *settings_, store_zone_or_default(*zone_), now_);
}

void link_complaint_request(HqDb& db, const std::string& store_id, const std::string& code, EpochMs created_at) {
  db.run(
      "UPDATE complaint SET request_code = ?2 WHERE store_id = ?1 AND finished_at = ?3 AND outcome = 'request' "
      "AND state = 'done' AND request_code IS NULL",
      {store_id, code, created_at});
}

void mark_complaint_solved(HqDb& db, const std::string& store_id, const std::string& subject_kind,
                           const std::string& subject, EpochMs at) {
  db.run(std::string("UPDATE complaint SET solved_at = ?3 WHERE store_id = ?1 AND solved_at IS NULL AND ") +
             (subject_kind == "ticket" ? "ticket_id = ?2" : "request_code = ?2"),
         {store_id, subject, at});
}

void fill_complaints(HqDb& db, EpochMs now) {
  const FollowupSettings settings = followup_settings(db);
  if (settings.complaint_services.empty()) return;
  std::vector<SqlParam> services;
  std::string list;
  for (const std::string& code : settings.complaint_services) {
    services.emplace_back(code);
    list += (list.empty() ? "?" : ", ?") + std::to_string(services.size());
  }
  struct Ticket {
    std::string id, store_id, zone;
    std::int64_t revision;
    std::string data;
  };
  std::vector<Ticket> tickets;
  db.each(
      "SELECT r.id, r.store_id, st.time_zone, r.revision, r.data FROM record r JOIN hq_store st "
      "ON st.id = r.store_id WHERE r.kind = 'ticket' AND " +
          db.json_field("r.data", "service") + " IN (" + list + ") ORDER BY r.store_id, r.id",
      services, [&](const SqlRow& row) {
        tickets.push_back({row.text(0), row.text(1), row.text(2), row.int64(3), row.text(4)});
      });
  for (const Ticket& t : tickets)
    if (const std::optional<CheckedRecord> record = recheck_stored_record("ticket", t.id, t.revision, t.data);
        record && record->ticket)
      note_ticket(db, t.store_id, t.id, *record->ticket, settings, store_zone_or_default(t.zone), now);
}

}  // namespace kiosk::hq
