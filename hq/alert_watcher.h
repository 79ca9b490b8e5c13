// Evaluates the console's alerts (console_alerts.h) every 30 seconds on a
// thread of its own, with its own database connection, while hq serves: an
// alert opens when its condition starts, not when someone first looks.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"

namespace kiosk::hq {

class AlertWatcher {
 public:
  AlertWatcher(std::string db, const Clock& clock, std::chrono::milliseconds every = std::chrono::seconds(30))
      : db_(std::move(db)), clock_(clock), every_(every) {}
  ~AlertWatcher() { stop(); }
  AlertWatcher(const AlertWatcher&) = delete;
  AlertWatcher& operator=(const AlertWatcher&) = delete;

  void start();
  void stop();  // returns once the thread has ended; idempotent

 private:
  void run();

  std::string db_;
  const Clock& clock_;
  std::chrono::milliseconds every_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kiosk::hq
