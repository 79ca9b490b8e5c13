// The one worker thread of every role: runs a role's effects one after
// another, in order, with a runner made on the worker thread itself (so a
// libcurl client and its session token, a SQLite connection or a librime
// session live there). A runner may also have work for the quiet times (the
// customer kiosk asks its printer for paper, the display long-polls the store
// node): `when_idle` runs when no effect is waiting and says how long to wait
// for one before it runs again. Destruction finishes the effect (or idle
// work) in hand, drops the rest and joins.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::app {

template <class Effect>
struct EffectRunner {
  std::function<void(const Effect&)> run;
  // Optional: work while no effect waits; returns the wait before the next call.
  std::function<std::chrono::milliseconds()> when_idle;
  std::chrono::milliseconds first_idle_after{0};  // from the worker's start
};

template <class Effect>
class SerialWorker {
 public:
  using Runner = EffectRunner<Effect>;
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

  // True once the runner is made and no effect is queued or running (tests
  // wait for this). Idle work does not count.
  bool idle() const {
    std::lock_guard lock(mutex_);
    return queue_.empty() && !busy_;
  }

 private:
  void run() {
    const Runner runner = make_runner_();
    auto next_idle = std::chrono::steady_clock::now() + runner.first_idle_after;
    for (;;) {
      Effect effect;
      {
        std::unique_lock lock(mutex_);
        busy_ = false;
        const auto ready = [&] { return stopping_ || !queue_.empty(); };
        if (runner.when_idle)
          wake_.wait_until(lock, next_idle, ready);
        else
          wake_.wait(lock, ready);
        if (stopping_) return;
        if (queue_.empty()) {  // the idle work's turn
          lock.unlock();
          next_idle = std::chrono::steady_clock::now() + runner.when_idle();
          continue;
        }
        effect = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
      }
      runner.run(effect);
    }
  }

  std::function<Runner()> make_runner_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Effect> queue_;
  bool busy_ = true;  // until the runner is made
  bool stopping_ = false;
  std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace kiosk::app
