// The call event log: every call and recall of a ticket, and the early end of
// a call (a no-show, a transfer to another service: the board takes the ticket
// off), numbered in commit order, written in the same transaction as the
// change. Displays read "events after N" and so see every call once, in order,
// even across processes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/sqlite.h"

namespace kiosk {

enum class CallKind { Call, Recall, NoShow, Transfer };
const char* to_string(CallKind kind);

struct CallEvent {
  std::int64_t seq = 0;  // increasing, never reused
  CallKind kind = CallKind::Call;
  std::string ticket_label;
  std::string service_code;
  int counter = 0;
  EpochMs at = 0;
};

// Appends an event; the caller's transaction makes it atomic with the call.
void record_call_event(Database& db, CallKind kind, const std::string& label, const std::string& service_code,
                       int counter, EpochMs at);

// Up to `limit` events with seq > `after`, oldest first. Throws SqliteError.
std::vector<CallEvent> call_events_after(Database& db, std::int64_t after, int limit);

// The newest event's seq, or 0 when there is none. Throws SqliteError.
std::int64_t latest_call_event_seq(Database& db);

}  // namespace kiosk
