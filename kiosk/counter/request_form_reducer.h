// The reducer's part for the staff's request form: opening it (for a walk-in,
// or for the ticket in hand finished with the outcome "request"), typing into
// its fields, the pickers, sending it to the store node and its answer.
// counter_reducer.cpp calls it first; nullopt means the action is not one of
// these (or, for a failed request or a request that finished the ticket in
// hand, that the main reducer handles it too).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "counter/counter_actions.h"
#include "counter/counter_state.h"

namespace kiosk::counter {

std::optional<std::vector<Effect>> reduce_request_form(CounterState& state, const Action& action);

// The form, empty, for the ticket in hand `ticket_id` ("" for a walk-in).
std::vector<Effect> open_request_form(CounterState& state, std::string ticket_id, std::string ticket_label);

// The field a refusal's code names ("phone-format" -> Phone), if any.
std::optional<RequestField> field_of_error(const std::string& code);

}  // namespace kiosk::counter
