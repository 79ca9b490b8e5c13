// A role's IME thread (the customer kiosk's form, the counter's): owns the
// librime session (platform/ime), started here so its start-up never costs a
// frame, and answers each key or pick with the composition (ImeAnswered), in
// order. Candidates are only those the kiosk's fonts draw and a request field
// accepts. Kept apart from the role's worker so a key never waits behind
// SQLite, the network or a printer.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/ime_types.h"

namespace kiosk::app {

class ImeWorker {
 public:
  using Post = std::function<void(ImeAnswer)>;
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

}  // namespace kiosk::app
