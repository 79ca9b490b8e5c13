// A store database in a temp dir with the default catalogue, for tests that
// drive the queue engine directly with a manual clock.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "queue/queue_engine.h"
#include "store/store_db.h"
#include "support/temp_dir.h"
#include "support/test_clock.h"

namespace kiosk::test {

std::string default_catalog_path();

// Applies one change of HQ's feed to `store` as a sync round would
// (SyncStore::apply_changes, the next seq): kind, key and data.
void apply_feed_change(StoreDb& store, const std::string& kind, const std::string& key, const std::string& data_json);

// HQ's public page settings reach the store (a `public_page` change);
// `public_url` empty: none (null).
void give_public_page(StoreDb& store, const std::string& public_url, bool reminders);

struct TestStore {
  // `data_dir` empty: `dir`; else the store is made there (a SmallDisk's).
  explicit TestStore(const std::string& time_zone = "Asia/Shanghai", EpochMs start = test_day_start_ms(),
                     int interleave = 2, const std::string& data_dir = {});
  TempDir dir;
  ManualClock clock;
  std::unique_ptr<StoreDb> store;
  std::unique_ptr<QueueEngine> engine;
};

}  // namespace kiosk::test
