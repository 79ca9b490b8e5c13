// The call event log's SQL (table call_event, schema 3; the kinds that end a
// call, schema 9).
#include "queue/call_events.h"

namespace kiosk {
namespace {

CallKind call_kind_from(const std::string& text) {
  if (text == "recall") return CallKind::Recall;
  if (text == "no-show") return CallKind::NoShow;
  if (text == "transfer") return CallKind::Transfer;
  return CallKind::Call;
}

}  // namespace

const char* to_string(CallKind kind) {
  switch (kind) {
    case CallKind::Call:
      return "call";
    case CallKind::Recall:
      return "recall";
    case CallKind::NoShow:
      return "no-show";
    case CallKind::Transfer:
      return "transfer";
  }
  return "call";
}

void record_call_event(Database& db, CallKind kind, const std::string& label, const std::string& service_code,
                       int counter, EpochMs at) {
  db.prepare("INSERT INTO call_event(kind, ticket_label, service_code, counter, at) VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, to_string(kind))
      .bind(2, label)
      .bind(3, service_code)
      .bind(4, counter)
      .bind(5, at)
      .run();
}

std::vector<CallEvent> call_events_after(Database& db, std::int64_t after, int limit) {
  Statement& q = db.prepare(
      "SELECT seq, kind, ticket_label, service_code, counter, at FROM call_event WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  q.bind(1, after).bind(2, limit);
  std::vector<CallEvent> events;
  while (q.step()) {
    events.push_back(CallEvent{q.int64(0), call_kind_from(q.text(1)), q.text(2), q.text(3), q.int32(4), q.int64(5)});
  }
  q.reset();
  return events;
}

std::int64_t latest_call_event_seq(Database& db) {
  Statement& q = db.prepare("SELECT coalesce(max(seq), 0) FROM call_event");
  q.step();
  const std::int64_t seq = q.int64(0);
  q.reset();
  return seq;
}

}  // namespace kiosk
