// The Devices screen's rules: opened from the admin screen (the devices and
// the node's fingerprint read as it opens), "Enrol a device" makes one code at
// a time on the worker and shows it until it expires, "Revoke" asks first and
// the list is read again after it. Back returns to the admin screen; the idle
// wipe (customer_reducer) closes it like any other screen, the code with it.
#pragma once

#include <optional>
#include <vector>

#include "customer/customer_actions.h"
#include "customer/customer_state.h"

namespace kiosk::customer {

// The effects of a Devices action; nullopt for any other action.
std::optional<std::vector<Effect>> reduce_devices(CustomerState& state, const Action& action, EpochMs now);

// On each tick: a code that has expired goes from the screen.
void devices_tick(CustomerState& state, EpochMs now);

// When the code's countdown next changes (each second) or it expires; nullopt without one.
std::optional<EpochMs> devices_deadline(const CustomerState& state, EpochMs now);

}  // namespace kiosk::customer
