// Evaluates the console's alerts (console_alerts.h) every 30 seconds on a
// thread of its own, with its own database connection, while hq serves: an
// alert opens when its condition starts, not when someone first looks.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.h"
#include "hq/db_ticker.h"

namespace kiosk::hq {

class AlertWatcher {
 public:
  AlertWatcher(std::string db, const Clock& clock, std::chrono::milliseconds every = std::chrono::seconds(30));

  void start() { ticker_.start(); }
  void stop() { ticker_.stop(); }  // returns once the thread has ended; idempotent

 private:
  DbTicker ticker_;
};

}  // namespace kiosk::hq
