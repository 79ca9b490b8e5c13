// Plain structs of the queue domain: services, counters, tickets, and the names
// of their states as stored and printed. No behaviour beyond naming.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace kiosk {

// A kind of visit customers queue for ("A" consultation, "B" complaints...).
struct Service {
  std::string code;     // one capital letter, also the ticket prefix
  std::string name_zh;  // shown first
  std::string name_en;
  bool priority_allowed = false;  // may customers take a priority ticket?
  int wait_target_min = 15;       // "served within" target for statistics
  int typical_service_min = 5;    // wait estimate until real durations exist
  int sort_order = 0;
};

enum class CounterState { Closed, Open, Paused };

struct Counter {
  int number = 0;
  CounterState state = CounterState::Closed;
  std::string pause_reason;
  std::vector<std::string> service_codes;  // services this counter calls
};

enum class TicketState { Waiting, Called, Serving, Done, NoShow, Cancelled, Transferred };

enum class Outcome { Resolved, FollowUp, Request };

// Whether the paper ticket reached the customer. A failed print is never a
// ticket in hand: the customer is sent to staff, who reprint it.
enum class PrintState { NotPrinted, Printed, Failed };

struct Ticket {
  std::string id;  // UUID, stable across devices
  std::string business_day;
  std::string service_code;
  std::string label;  // what the customer holds: "A012"
  bool priority = false;
  TicketState state = TicketState::Waiting;
  std::optional<int> counter;
  std::optional<Outcome> outcome;
  int recalls = 0;
  EpochMs issued_at = 0;
  EpochMs queued_since = 0;  // issue time of the visit; a transfer keeps it
  std::optional<EpochMs> called_at;
  std::optional<EpochMs> started_at;
  std::optional<EpochMs> finished_at;
  std::string transferred_from;  // id of the ticket this one continues
  std::string transferred_to;    // id of the ticket that continues this one
  std::string phone;             // digits, optional; shown only masked
  std::string token;             // opaque, random: what the ticket's QR code holds
  PrintState print_state = PrintState::NotPrinted;
  // The wait estimate shown when it was issued, in minutes; nullopt when none
  // was shown (no open counter called the service), for a transfer's
  // continuation (the estimate belongs to the visit's first ticket) and for
  // tickets issued before schema 10.
  std::optional<int> estimated_wait_min;
  // Who called it: the staff member logged in at the counter (their id, as HQ
  // and the store's staff table know them); empty when nobody was (a call
  // through kioskctl) and for tickets called before schema 12.
  std::string staff_id;
  // The kiosk's language when the ticket was taken, "zh" or "en" (its SMS
  // reminders and phone page start in it); empty when not known (kioskctl
  // without --lang, tickets issued before schema 13). A transfer keeps it.
  std::string language;
};

const char* to_string(CounterState state);
const char* to_string(TicketState state);
const char* to_string(Outcome outcome);
const char* to_string(PrintState state);
std::optional<CounterState> counter_state_from(const std::string& text);
std::optional<TicketState> ticket_state_from(const std::string& text);
std::optional<Outcome> outcome_from(const std::string& text);
std::optional<PrintState> print_state_from(const std::string& text);

// "resolved, follow-up, request": the accepted outcome names, for messages.
std::string outcome_names();

}  // namespace kiosk
