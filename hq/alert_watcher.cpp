// The alert watcher's rounds (alert_watcher.h).
#include "hq/alert_watcher.h"

#include "hq/console_alerts.h"

namespace kiosk::hq {

AlertWatcher::AlertWatcher(std::string db, const Clock& clock, std::chrono::milliseconds every)
    : ticker_(std::move(db), every, "could not evaluate the console's alerts",
              [&clock](HqDb& hq_db) { evaluate_alerts(hq_db, clock.now_ms()); }) {}

}  // namespace kiosk::hq
