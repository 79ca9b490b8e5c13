// The customer kiosk's IME thread: owns the librime session (platform/ime),
// started here so its start-up never costs a frame, and answers each key or
// pick with the composition as an ImeAnswered action, in order. Candidates
// are only those the kiosk's fonts draw and a request field accepts. Kept
// apart from the store worker so a key never waits behind SQLite or a printer.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "customer/customer_actions.h"

namespace kiosk::customer {

class ImeWorker {
 public:
  using Post = std::function<void(Action)>;
  // `data_dir`: the deployed schema (empty: platform/ime's default).
  ImeWorker(std::string data_dir, Post post);
  ~ImeWorker();  // drops queued keys, ends the session, joins
  ImeWorker(const ImeWorker&) = delete;
  ImeWorker& operator=(const ImeWorker&) = delete;

  void submit(ImeEffect effect);
  // True once started and when nothing is queued or running (tests wait for this).
  bool idle() const;

 private:
  void run();

  std::string data_dir_;
  Post post_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<ImeEffect> queue_;
  bool busy_ = true;  // until librime has started
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kiosk::customer
