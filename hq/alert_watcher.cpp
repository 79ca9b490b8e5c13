// The alert watcher's thread (alert_watcher.h).
#include "hq/alert_watcher.h"

#include <cstdio>
#include <memory>

#include "hq/console_alerts.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

void AlertWatcher::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void AlertWatcher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AlertWatcher::run() {
  std::unique_ptr<HqDb> db;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, every_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!db) {
        Result<std::unique_ptr<HqDb>> opened = open_hq_db(db_, OpenMode::CheckSchema);
        if (opened) db = std::move(opened).value();
      }
      if (db) evaluate_alerts(*db, clock_.now_ms());
    } catch (const StorageFailure& e) {  // the database is away: the next round tries again
      std::fprintf(stderr, "hq: could not evaluate the console's alerts: %s\n", e.what());
      db.reset();
    }
    lock.lock();
  }
}

}  // namespace kiosk::hq
