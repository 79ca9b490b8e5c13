// HealthProbe: reads the health report (health_report.h) a store sends HQ
// with each sync round, from the store itself: the printer's last known state,
// the outbox, the database's size and the free disk, and its integrity. SQLite's
// quick_check reads every page, so its answer is kept and checked again only
// every `integrity_every`: keep one probe per store connection across rounds
// (the sync worker does).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"
#include "sync/health_report.h"

namespace kiosk {

class HealthProbe {
 public:
  // `started_at`: when the process that syncs started (none for a one-off sync).
  HealthProbe(StoreDb& store, const Clock& clock, std::optional<EpochMs> started_at = std::nullopt,
              std::chrono::milliseconds integrity_every = std::chrono::hours(1));

  Result<HealthReport> read();

 private:
  StoreDb& store_;
  const Clock& clock_;
  std::optional<EpochMs> started_at_;
  std::chrono::milliseconds integrity_every_;
  std::string integrity_;  // empty: not checked yet
  EpochMs integrity_checked_at_ = 0;
};

}  // namespace kiosk
