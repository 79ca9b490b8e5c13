// The customer kiosk's rules as a pure function: given the state, an action
// and the time, change the state and say which effects the workers must run.
// No ImGui, no SQLite, no clock of its own: every rule is testable alone.
#pragma once

#include <optional>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

std::vector<Effect> reduce(CustomerState& state, const Action& action, EpochMs now, const CustomerTimings& timings);

// Milliseconds left before the idle wipe while the countdown is showing;
// nullopt when it is not showing.
std::optional<EpochMs> idle_countdown_left(const CustomerState& state, EpochMs now, const CustomerTimings& timings);

// When the UI should wake next without input (a countdown second, the idle
// threshold, a refresh); nullopt when nothing is due.
std::optional<EpochMs> next_deadline(const CustomerState& state, EpochMs now, const CustomerTimings& timings);

// The service the form has chosen, if any.
const ServiceView* chosen_service(const CustomerState& state);

}  // namespace kiosk::customer
