// The reducer's part for the request form, "check my request" and the text
// keyboard's IME mirror. customer_reducer.cpp calls it first; nullopt means
// the action is not one of these (or, for the phone pad's actions, that the
// take-a-number form has the pad).
#pragma once

#include <optional>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

std::optional<std::vector<Effect>> reduce_request(CustomerState& state, const Action& action, EpochMs now);

// The first screen of the request form or of the lookup, everything empty,
// and a fresh IME session for the form.
std::vector<Effect> open_request(CustomerState& state);
std::vector<Effect> open_check(CustomerState& state);

// Forgets the composition (the next generation's answers only) and asks the
// IME thread for a new session: on every field change and at the wipe.
std::vector<Effect> new_ime_session(ImeView& ime);

}  // namespace kiosk::customer
