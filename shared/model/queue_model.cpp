// Names of counter states, ticket states and outcomes, as stored in SQLite and
// printed by kioskctl. One table per enum so the two directions cannot disagree.
#include "model/queue_model.h"

#include <array>
#include <utility>

#include "model/enum_names.h"

namespace kiosk {
namespace {

using enum_names::name_in;
using enum_names::value_in;

constexpr std::array kCounterStates{std::pair{CounterState::Closed, "closed"}, std::pair{CounterState::Open, "open"},
                                    std::pair{CounterState::Paused, "paused"}};
constexpr std::array kTicketStates{
    std::pair{TicketState::Waiting, "waiting"},        std::pair{TicketState::Called, "called"},
    std::pair{TicketState::Serving, "serving"},        std::pair{TicketState::Done, "done"},
    std::pair{TicketState::NoShow, "no-show"},         std::pair{TicketState::Cancelled, "cancelled"},
    std::pair{TicketState::Transferred, "transferred"}};
constexpr std::array kOutcomes{std::pair{Outcome::Resolved, "resolved"}, std::pair{Outcome::FollowUp, "follow-up"},
                               std::pair{Outcome::Request, "request"}};
constexpr std::array kPrintStates{std::pair{PrintState::NotPrinted, "not-printed"},
                                  std::pair{PrintState::Printed, "printed"}, std::pair{PrintState::Failed, "failed"}};

}  // namespace

const char* to_string(CounterState state) { return name_in(kCounterStates, state); }
const char* to_string(TicketState state) { return name_in(kTicketStates, state); }
const char* to_string(Outcome outcome) { return name_in(kOutcomes, outcome); }
const char* to_string(PrintState state) { return name_in(kPrintStates, state); }
std::optional<CounterState> counter_state_from(const std::string& text) { return value_in(kCounterStates, text); }
std::optional<TicketState> ticket_state_from(const std::string& text) { return value_in(kTicketStates, text); }
std::optional<Outcome> outcome_from(const std::string& text) { return value_in(kOutcomes, text); }
std::optional<PrintState> print_state_from(const std::string& text) { return value_in(kPrintStates, text); }

std::string outcome_names() { return enum_names::names_of(kOutcomes); }

}  // namespace kiosk
