// WatchdogNotifier: sd_notify(READY=1, WATCHDOG=1) paced by the caller's loop.
#include "systemd/watchdog_notifier.h"

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <string>

namespace kiosk::platform {

WatchdogNotifier::WatchdogNotifier() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  notify_ = socket && *socket;
  const char* usec = std::getenv("WATCHDOG_USEC");
  if (!notify_ || !usec) return;
  char* end = nullptr;
  const unsigned long long value = std::strtoull(usec, &end, 10);
  if (end == usec || *end != '\0' || value == 0) return;
  interval_ = std::chrono::microseconds(value / 2);
  next_ping_ = TimePoint::min();  // the first frame pings
}

void WatchdogNotifier::alive(TimePoint now) {
  if (!notify_) return;
  if (!ready_sent_) {
    sd_notify(0, "READY=1");
    ready_sent_ = true;
  }
  if (interval_.count() == 0 || now < next_ping_) return;
  sd_notify(0, "WATCHDOG=1");
  next_ping_ = now + interval_;
}

}  // namespace kiosk::platform
