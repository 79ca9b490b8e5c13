// The counter console's worker thread: makes the reducer's API requests to
// the store node (StoreNodeClient, its session token lives here) one after
// another, and posts the answers back as actions. The UI thread never waits
// on the network.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/translations.h"
#include "counter/counter_actions.h"
#include "printer/printer_port.h"

namespace kiosk::counter {

struct CounterWorkerConfig {
  std::string store_url;  // "http://127.0.0.1:8700"
  int counter = 1;
  std::optional<printer::PrinterTarget> printer;  // the counter's receipt printer, if it has one
  const app::Translations* texts = nullptr;       // the receipt's words (the app's, which outlives the worker)
};

class CounterWorker {
 public:
  using Post = std::function<void(Action)>;
  CounterWorker(CounterWorkerConfig config, Post post);
  ~CounterWorker();  // finishes the request in hand, drops the rest, joins
  CounterWorker(const CounterWorker&) = delete;
  CounterWorker& operator=(const CounterWorker&) = delete;

  void submit(std::vector<Effect> effects);
  // True when no request is queued or running (tests wait for this).
  bool idle() const;

 private:
  void run();

  CounterWorkerConfig config_;
  Post post_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Effect> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kiosk::counter
