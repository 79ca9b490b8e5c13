// A store database in a temp dir with the default catalogue, for tests that
// drive the queue engine directly with a manual clock.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "queue/queue_engine.h"
#include "store/store_db.h"
#include "support/temp_dir.h"

namespace kiosk::test {

// Milliseconds of a UTC civil time, for readable test clocks.
EpochMs utc_ms(int year, int month, int day, int hour, int minute, int second = 0);

std::string default_catalog_path();

struct TestStore {
  explicit TestStore(const std::string& time_zone = "Asia/Shanghai", EpochMs start = utc_ms(2026, 11, 23, 1, 0),
                     int interleave = 2);
  TempDir dir;
  ManualClock clock;
  std::unique_ptr<StoreDb> store;
  std::unique_ptr<QueueEngine> engine;
};

}  // namespace kiosk::test
