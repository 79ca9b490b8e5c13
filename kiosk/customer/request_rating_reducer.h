// "Rate this job": from the status of a done or closed request that has no
// rating yet, five faces and optional reasons, then one save through the
// store (RequestBook::rate, one rating per request, by the customer kiosk).
// Saved: the thank-you screen; already rated elsewhere: told kindly.
#pragma once

#include <optional>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

// The effects of `action` if it belongs to rating a request, else nullopt.
std::optional<std::vector<Effect>> reduce_request_rating(CustomerState& state, const Action& action, EpochMs now);

}  // namespace kiosk::customer
