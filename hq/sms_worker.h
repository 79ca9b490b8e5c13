// HQ's SMS reminder worker (docs/public-pages.md, "SMS reminders"): a thread
// of hq's server with its own database connection that, every second while a
// gateway is set, makes the reminders due, sends those due through the
// gateway's webhook and records the answers; and, gateway or not, skips
// reminders whose moment passed and erases phone numbers nothing more will be
// sent to (sms_reminders.h). Stopping abandons a send on the wire within
// about a second.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/clock.h"
#include "hq/db_ticker.h"

namespace kiosk::hq {

struct SmsSettings;

class SmsWorker {
 public:
  SmsWorker(std::string db, const Clock& clock, std::chrono::milliseconds every = std::chrono::seconds(1));
  ~SmsWorker();

  void start() { ticker_.start(); }
  void stop() { ticker_.stop(); }  // returns once the thread has ended; idempotent

 private:
  struct State;  // the gateway's client and the time zones: only the ticker's thread uses them
  void round(HqDb& db);
  void send_due(HqDb& db, const SmsSettings& settings);

  const Clock& clock_;
  std::unique_ptr<State> state_;
  DbTicker ticker_;  // last: its thread stops before the members it uses go
};

}  // namespace kiosk::hq
