// StorePurge: the hourly privacy purge on a thread of its own (see store_purge.h).
#include "node/store_purge.h"

#include <cstdio>
#include <memory>

#include "store/store_db.h"

namespace kiosk::node {

StorePurge::StorePurge(std::string data_dir, const Clock& clock, StorePurgeOptions options)
    : data_dir_(std::move(data_dir)), clock_(clock), options_(options) {}

StorePurge::~StorePurge() { stop(); }

void StorePurge::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void StorePurge::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::int64_t StorePurge::purged() const {
  std::lock_guard lock(mutex_);
  return purged_;
}

void StorePurge::run() {
  std::unique_ptr<StoreDb> store;  // opened on this thread: one connection per thread
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    if (!store) {
      Result<std::unique_ptr<StoreDb>> opened = StoreDb::open(data_dir_);
      if (opened)
        store = std::move(opened).value();
      else
        std::fprintf(stderr, "kiosk: purge: %s\n", opened.error().message.c_str());
    }
    Result<std::int64_t> purged = store ? purge_personal_data(*store, clock_, options_.days) : Result<std::int64_t>(0);
    if (!purged)
      std::fprintf(stderr, "kiosk: purge: %s\n", purged.error().message.c_str());
    else if (purged.value() > 0)
      std::fprintf(stderr, "kiosk: purge: erased the personal data of %lld requests closed over %d days ago\n",
                   static_cast<long long>(purged.value()), options_.days);
    lock.lock();
    if (purged) purged_ += purged.value();
    wake_.wait_for(lock, options_.every, [this] { return stopping_; });
  }
}

}  // namespace kiosk::node
