// The counter console's requests to the store node: each effect of the
// reducer as one API call (StoreNodeClient holds the session token), run on
// the role's worker thread (app/serial_worker.h), answers posted back as
// actions. The UI thread never waits on the network.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "app/serial_worker.h"
#include "app/translations.h"
#include "counter/counter_actions.h"
#include "printer/printer_port.h"
#include "remote/node_device.h"

namespace kiosk::counter {

struct CounterWorkerConfig {
  remote::DeviceIdentity device;
  std::optional<remote::NodeEnrolment> enrolment;  // as the console starts
  int counter = 1;
  std::optional<printer::PrinterTarget> printer;  // the counter's receipt printer, if it has one
  const app::Translations* texts = nullptr;       // the receipt's words (the app's, which outlives the worker)
};

using Post = std::function<void(Action)>;

// The runner the console's worker makes on its thread: a client of the node.
app::EffectRunner<Effect> counter_requests(CounterWorkerConfig config, Post post);

}  // namespace kiosk::counter
