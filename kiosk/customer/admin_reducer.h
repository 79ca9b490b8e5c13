// The staff corner's rules: a finger held on the welcome title for
// `staff_hold` opens the staff login; the name and PIN go to the worker
// (StaffBook: argon2id and its lockout); the right PIN opens the admin screen,
// whose figures are read when it opens and on Refresh. Back and the idle wipe
// (customer_reducer) close it like any other screen.
#pragma once

#include <optional>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

// The effects of a staff-corner action; nullopt for any other action.
std::optional<std::vector<Effect>> reduce_admin(CustomerState& state, const Action& action, EpochMs now);

// On each tick: opens the staff login once the hold has lasted long enough.
void admin_tick(CustomerState& state, EpochMs now, const CustomerTimings& timings);

// When a finger held on the welcome title will have held long enough; nullopt if none is.
std::optional<EpochMs> admin_deadline(const CustomerState& state, const CustomerTimings& timings);

}  // namespace kiosk::customer
