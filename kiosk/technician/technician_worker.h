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
using TechnicianWorker = app::SerialWorker<Effect>;

// The runner a TechnicianWorker makes on its thread: a client of `store_url`.
TechnicianWorker::Runner technician_requests(const std::string& store_url, Post post);

}  // namespace kiosk::technician
