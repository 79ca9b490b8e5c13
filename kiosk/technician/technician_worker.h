// The technician device's requests to the store node: each effect of the
// reducer as one API call (StoreNodeClient holds the session token), on one
// worker thread (app/serial_worker.h), answers posted back as actions. The UI
// thread never waits on the network.
#pragma once

#include <functional>
#include <string>

#include "app/serial_worker.h"
#include "technician/technician_actions.h"

namespace kiosk::technician {

using Post = std::function<void(Action)>;

// The runner the device's worker makes on its thread: a client of `store_url`.
app::EffectRunner<Effect> technician_requests(const std::string& store_url, Post post);

}  // namespace kiosk::technician
