// Names of counter states, ticket states and outcomes, as stored in SQLite and
// printed by kioskctl. One table per enum so the two directions cannot disagree.
#include "model/queue_model.h"

#include <array>
#include <utility>

namespace kiosk {
namespace {

constexpr std::array kCounterStates{std::pair{CounterState::Closed, "closed"}, std::pair{CounterState::Open, "open"},
                                    std::pair{CounterState::Paused, "paused"}};
constexpr std::array kTicketStates{
    std::pair{TicketState::Waiting, "waiting"},     std::pair{TicketState::Called, "called"},
    std::pair{TicketState::Serving, "serving"},     std::pair{TicketState::Done, "done"},
    std::pair{TicketState::NoShow, "no-show"},      std::pair{TicketState::Cancelled, "cancelled"},
    std::pair{TicketState::Transferred, "transferred"}};
constexpr std::array kOutcomes{std::pair{Outcome::Resolved, "resolved"}, std::pair{Outcome::FollowUp, "follow-up"},
                               std::pair{Outcome::Request, "request"}};
constexpr std::array kPrintStates{std::pair{PrintState::NotPrinted, "not-printed"},
                                  std::pair{PrintState::Printed, "printed"}, std::pair{PrintState::Failed, "failed"}};

template <class Table, class Enum>
const char* name_in(const Table& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <class Table>
auto value_in(const Table& table, const std::string& text) -> std::optional<decltype(table[0].first)> {
  for (const auto& [v, name] : table)
    if (text == name) return v;
  return std::nullopt;
}

}  // namespace

const char* to_string(CounterState state) { return name_in(kCounterStates, state); }
const char* to_string(TicketState state) { return name_in(kTicketStates, state); }
const char* to_string(Outcome outcome) { return name_in(kOutcomes, outcome); }
const char* to_string(PrintState state) { return name_in(kPrintStates, state); }
std::optional<CounterState> counter_state_from(const std::string& text) { return value_in(kCounterStates, text); }
std::optional<TicketState> ticket_state_from(const std::string& text) { return value_in(kTicketStates, text); }
std::optional<Outcome> outcome_from(const std::string& text) { return value_in(kOutcomes, text); }
std::optional<PrintState> print_state_from(const std::string& text) { return value_in(kPrintStates, text); }

std::string outcome_names() {
  std::string names;
  for (const auto& [v, name] : kOutcomes) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

}  // namespace kiosk
