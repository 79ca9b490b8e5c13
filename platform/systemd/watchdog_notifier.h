// systemd supervision of a kiosk process: READY=1 once the process proved
// itself alive the first time and WATCHDOG=1 at half of $WATCHDOG_USEC, sent
// with libsystemd's sd_notify to $NOTIFY_SOCKET. A windowed role proves itself
// alive by drawing a frame (the pings come from the frame loop, so a blocked
// loop stops pinging and systemd restarts the session, while an idle loop
// wakes for each ping); the node role by answering its own API.
//
// Under cage the kiosk is cage's child, not the unit's main process: systemd's
// $WATCHDOG_PID names cage, so sd_watchdog_enabled() (which checks it) would
// say no. The notifier reads $WATCHDOG_USEC itself and the unit sets
// NotifyAccess=all so that systemd accepts the child's messages.
#pragma once

#include <chrono>

namespace kiosk::platform {

class WatchdogNotifier {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  // Reads $NOTIFY_SOCKET and $WATCHDOG_USEC; without them every call does nothing.
  WatchdogNotifier();

  // After each sign of life (a drawn frame, an answered self-check): READY=1
  // the first time, WATCHDOG=1 when a ping is due.
  void alive(TimePoint now);
  // When the loop must wake next for a ping (TimePoint::max() when there is no watchdog).
  TimePoint next_ping() const { return next_ping_; }

 private:
  bool notify_ = false;                    // $NOTIFY_SOCKET is set
  std::chrono::microseconds interval_{0};  // half of $WATCHDOG_USEC; 0: no watchdog
  bool ready_sent_ = false;
  TimePoint next_ping_ = TimePoint::max();
};

}  // namespace kiosk::platform
