// A thread of hq's server that runs a round of work every so often with a
// database connection of its own (opened on the first round, opened again
// after the database failed): the console's alerts, the SMS reminders.
// Stopping wakes it at once and returns once the round in progress ended.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "hq/hq_db.h"

namespace kiosk::hq {

class DbTicker {
 public:
  // `what` names the work in the log line of a failed round.
  DbTicker(std::string db, std::chrono::milliseconds every, std::string what, std::function<void(HqDb&)> round)
      : db_(std::move(db)), every_(every), what_(std::move(what)), round_(std::move(round)) {}
  ~DbTicker() { stop(); }
  DbTicker(const DbTicker&) = delete;
  DbTicker& operator=(const DbTicker&) = delete;

  void start();
  void stop();  // idempotent
  // Set by stop() before it waits: a long round should end early (an HTTP request abandons).
  const std::atomic<bool>& stopping() const { return stopping_flag_; }

 private:
  void run();

  std::string db_;
  std::chrono::milliseconds every_;
  std::string what_;
  std::function<void(HqDb&)> round_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::atomic<bool> stopping_flag_{false};
  std::thread thread_;
};

}  // namespace kiosk::hq
