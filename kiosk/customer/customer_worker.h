// The customer kiosk's effects: the reducer's effects run against the store
// database (the worker thread's own connection) and the ticket printer on the
// role's worker thread (app/serial_worker.h), results posted back as actions.
// The UI thread never waits for them. After each print, and when idle every
// paper_check_every, the printer's state is recorded in the store
// (printer_health.h).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "app/serial_worker.h"
#include "app/translations.h"
#include "customer/customer_actions.h"
#include "printer/printer_port.h"

namespace kiosk::customer {

struct CustomerWorkerConfig {
  std::string data_dir;
  std::optional<printer::PrinterTarget> printer;       // nullopt: tickets on screen only
  app::Translations texts;                             // the worker's own copy (not shared across threads)
  std::chrono::milliseconds paper_check_every{60000};  // a printer device, while idle
};

using Post = std::function<void(Action)>;

// The runner the kiosk's worker makes on its thread: opens the store there.
// Without a store every effect fails (a ticket with IssueFailed{"storage"}).
app::EffectRunner<Effect> customer_effects(CustomerWorkerConfig config, Post post);

}  // namespace kiosk::customer
