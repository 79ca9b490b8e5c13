// The customer kiosk's worker thread: runs the reducer's effects against the
// store database (its own connection) and the ticket printer, and posts the
// results back as actions. The UI thread never waits for it. After each print,
// and when idle every paper_check_every, it records the printer's state in the
// store (printer_health.h).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/translations.h"
#include "customer/customer_actions.h"
#include "printer/printer_port.h"

namespace kiosk::customer {

struct CustomerWorkerConfig {
  std::string data_dir;
  std::optional<printer::PrinterTarget> printer;  // nullopt: tickets on screen only
  app::Translations texts;                        // the worker's own copy (not shared across threads)
  std::chrono::milliseconds paper_check_every{60000};  // a printer device, while idle
};

class CustomerWorker {
 public:
  using Post = std::function<void(Action)>;
  // Opens the store on the worker thread; `post` delivers results (thread-safe).
  CustomerWorker(CustomerWorkerConfig config, Post post);
  ~CustomerWorker();  // finishes the effect in hand, drops the rest, joins
  CustomerWorker(const CustomerWorker&) = delete;
  CustomerWorker& operator=(const CustomerWorker&) = delete;

  void submit(std::vector<Effect> effects);
  // True when no effect is queued or running (tests wait for this).
  bool idle() const;

 private:
  void run();

  CustomerWorkerConfig config_;
  Post post_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Effect> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kiosk::customer
