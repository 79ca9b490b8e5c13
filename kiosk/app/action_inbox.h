// Where workers leave their results for the UI thread: a locked queue of
// actions, and a wake-up call so the sleeping frame loop looks at it.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace kiosk::app {

template <class Action>
class ActionInbox {
 public:
  // `wake` runs after each post, on the posting thread (glfwPostEmptyEvent).
  void set_wake(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_ = std::move(wake);
  }

  void post(Action action) {
    std::function<void()> wake;
    {
      std::lock_guard lock(mutex_);
      pending_.push_back(std::move(action));
      wake = wake_;
    }
    if (wake) wake();
  }

  std::vector<Action> drain() {
    std::lock_guard lock(mutex_);
    std::vector<Action> actions(std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.end()));
    pending_.clear();
    return actions;
  }

 private:
  std::mutex mutex_;
  std::deque<Action> pending_;
  std::function<void()> wake_;
};

}  // namespace kiosk::app
