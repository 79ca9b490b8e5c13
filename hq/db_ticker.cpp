// The ticker's thread (db_ticker.h).
#include "hq/db_ticker.h"

#include <cstdio>
#include <memory>

namespace kiosk::hq {

void DbTicker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  stopping_flag_ = false;
  thread_ = std::thread([this] { run(); });
}

void DbTicker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    stopping_flag_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DbTicker::run() {
  std::unique_ptr<HqDb> db;
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, every_, [this] { return stopping_; })) {
    lock.unlock();
    try {
      if (!db) {
        Result<std::unique_ptr<HqDb>> opened = open_hq_db(db_, OpenMode::CheckSchema);
        if (opened) db = std::move(opened).value();
      }
      if (db) round_(*db);
    } catch (const StorageFailure& e) {  // the database is away: the next round tries again
      std::fprintf(stderr, "hq: %s: %s\n", what_.c_str(), e.what());
      db.reset();
    }
    lock.lock();
  }
}

}  // namespace kiosk::hq
