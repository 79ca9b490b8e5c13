// A worker thread that runs a role's effects one after another, in order, with
// a runner made on the worker thread itself (so a libcurl client and its
// session token live there). Destruction finishes the effect in hand, drops
// the rest and joins. The counter console's CounterWorker predates it and
// does the same by hand.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::app {

template <class Effect>
class SerialWorker {
 public:
  using Runner = std::function<void(const Effect&)>;
  // `make_runner` is called once, on the worker thread.
  explicit SerialWorker(std::function<Runner()> make_runner)
      : make_runner_(std::move(make_runner)), thread_([this] { run(); }) {}
  ~SerialWorker() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  SerialWorker(const SerialWorker&) = delete;
  SerialWorker& operator=(const SerialWorker&) = delete;

  void submit(std::vector<Effect> effects) {
    if (effects.empty()) return;
    {
      std::lock_guard lock(mutex_);
      for (Effect& e : effects) queue_.push_back(std::move(e));
    }
    wake_.notify_all();
  }

  // True when no effect is queued or running (tests wait for this).
  bool idle() const {
    std::lock_guard lock(mutex_);
    return queue_.empty() && !busy_;
  }

 private:
  void run() {
    const Runner runner = make_runner_();
    for (;;) {
      Effect effect;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        effect = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
      }
      runner(effect);
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
  }

  std::function<Runner()> make_runner_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Effect> queue_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace kiosk::app
