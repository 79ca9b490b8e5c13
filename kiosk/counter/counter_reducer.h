// The counter console's rules as a pure function: given the state, an action
// and the time, change the state and say which API requests the worker must
// make. No ImGui, no HTTP, no clock of its own.
#pragma once

#include <optional>
#include <vector>

#include "counter/counter_actions.h"
#include "counter/counter_state.h"

namespace kiosk::counter {

std::vector<Effect> reduce(CounterState& state, const Action& action, EpochMs now, const CounterTimings& timings);

// When the UI should wake next without input (a queue refresh, a retry, a
// second of the retry countdown).
std::optional<EpochMs> next_deadline(const CounterState& state, EpochMs now, const CounterTimings& timings);

// Whole seconds until the next retry while the node is unreachable (at least 0).
int retry_seconds_left(const CounterState& state, EpochMs now);

// Over its wait target: people wait and: someone already waited longer than the target, a new ticket
// would, or no open counter calls the service.
bool over_target(const ServiceLine& service);

const ServiceLine* find_service(const CounterState& state, std::string_view code);

}  // namespace kiosk::counter
