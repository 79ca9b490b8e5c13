// Wakes the long polls of /events when a call commits in this process. Calls
// made by other processes are noticed by the pollers' bounded re-reads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace kiosk::node {

class CallEventSignal {
 public:
  using Generation = std::uint64_t;

  Generation generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
  }
  void announce() {
    {
      std::lock_guard lock(mutex_);
      ++generation_;
    }
    changed_.notify_all();
  }
  // Ends every wait now and every later one at once (the server is stopping).
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }
  bool stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_;
  }
  // Waits until something was announced after `seen`, the server stops, or `until`.
  void wait(Generation seen, std::chrono::steady_clock::time_point until) {
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, until, [&] { return stopped_ || generation_ != seen; });
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  Generation generation_ = 0;
  bool stopped_ = false;
};

}  // namespace kiosk::node
