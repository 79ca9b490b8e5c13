// Row mapping of requests and request events (see request_rows.h).
#include "requests/request_rows.h"

namespace kiosk::request_rows {
namespace {

constexpr const char* kColumns =
    "r.id, r.code, r.kind, r.product, r.model, r.serial, r.purchase_date, r.problem, r.description, r.contact_name, "
    "r.phone, r.on_site, r.address, r.preferred_date, r.time_window, r.urgency, r.consent_at, r.state, r.version, "
    "r.assignee, r.scheduled_date, r.scheduled_window, r.created_at, r.updated_at, r.closed_at, r.purged_at";

constexpr const char* kEventColumns = "e.id, e.actor, e.at, e.from_state, e.to_state, e.note, e.version, e.request_id";

std::optional<TimeWindow> window_at(const Statement& q, int column) {
  return q.is_null(column) ? std::nullopt : time_window_from(q.text(column));
}

RequestEvent event_from_row(const Statement& q) {
  RequestEvent e;
  e.id = q.text(0);
  e.actor = q.text(1);
  e.at = q.int64(2);
  if (!q.is_null(3)) e.from = request_state_from(q.text(3));
  e.to = request_state_from(q.text(4)).value_or(RequestState::Received);
  e.note = q.text(5);
  e.version = q.int32(6);
  return e;
}

std::optional<Request> find_one(Database& db, const char* where, const std::string& key) {
  Statement& q = db.prepare(select_requests() + where);
  q.bind(1, key);
  std::optional<Request> found;
  if (q.step()) found = from_row(q);
  q.reset();
  return found;
}

}  // namespace

std::string select_requests() { return std::string("SELECT ") + kColumns + " FROM request r "; }

Request from_row(const Statement& q) {
  Request r;
  r.id = q.text(0);
  r.code = q.text(1);
  r.kind = request_kind_from(q.text(2)).value_or(RequestKind::Repair);
  r.product = q.text(3);
  r.model = q.text(4);
  r.serial = q.text(5);
  r.purchase_date = q.text(6);
  r.problem = q.text(7);
  r.description = q.text(8);
  r.contact_name = q.text(9);
  r.phone = q.text(10);
  r.on_site = q.int64(11) != 0;
  r.address = q.text(12);
  r.preferred_date = q.text(13);
  r.time_window = window_at(q, 14);
  r.urgency = urgency_from(q.text(15)).value_or(Urgency::Normal);
  r.consent_at = q.int64(16);
  r.state = request_state_from(q.text(17)).value_or(RequestState::Received);
  r.version = q.int32(18);
  r.assignee = q.text(19);
  r.scheduled_date = q.text(20);
  r.scheduled_window = window_at(q, 21);
  r.created_at = q.int64(22);
  r.updated_at = q.int64(23);
  r.closed_at = q.optional_int64(24);
  r.purged_at = q.optional_int64(25);
  return r;
}

std::optional<Request> find_by_code(Database& db, const std::string& code) {
  return find_one(db, "WHERE r.code = ?1", code);
}

std::optional<Request> find_by_id(Database& db, const std::string& id) { return find_one(db, "WHERE r.id = ?1", id); }

std::vector<RequestEvent> events_of(Database& db, const std::string& request_id) {
  Statement& q = db.prepare(std::string("SELECT ") + kEventColumns +
                            " FROM request_event e WHERE e.request_id = ?1 ORDER BY e.seq");
  q.bind(1, request_id);
  std::vector<RequestEvent> events;
  while (q.step()) events.push_back(event_from_row(q));
  q.reset();
  return events;
}

std::optional<RequestEvent> find_event(Database& db, const std::string& event_id, std::string* request_id) {
  Statement& q = db.prepare(std::string("SELECT ") + kEventColumns + " FROM request_event e WHERE e.id = ?1");
  q.bind(1, event_id);
  std::optional<RequestEvent> found;
  if (q.step()) {
    found = event_from_row(q);
    *request_id = q.text(7);
  }
  q.reset();
  return found;
}

void insert_event(Database& db, const std::string& request_id, const RequestEvent& event) {
  db.prepare(
        "INSERT INTO request_event(id, request_id, actor, at, from_state, to_state, note, version) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
      .bind(1, event.id)
      .bind(2, request_id)
      .bind(3, event.actor)
      .bind(4, event.at)
      .bind(5, event.from ? std::optional<std::string>(to_string(*event.from)) : std::nullopt)
      .bind(6, to_string(event.to))
      .bind(7, event.note)
      .bind(8, event.version)
      .run();
}

}  // namespace kiosk::request_rows
