// A role's link to the store node as its state keeps it: up, or down with the
// next retry and the delay used, doubling after each failure up to a ceiling
// (the counter console and the technician's device).
#pragma once

#include <algorithm>

#include "core/clock.h"

namespace kiosk::app {

struct LinkStatus {
  bool down = false;
  EpochMs retry_at = 0;
  EpochMs backoff = 0;  // the delay used after the last failure
};

// One more failure at `now`: the first waits `first_retry`, each next one twice
// the last, at most `max_retry`.
inline void link_failed(LinkStatus& link, EpochMs now, EpochMs first_retry, EpochMs max_retry) {
  link.backoff = link.down ? std::min(link.backoff * 2, max_retry) : first_retry;
  link.down = true;
  link.retry_at = now + link.backoff;
}

}  // namespace kiosk::app
