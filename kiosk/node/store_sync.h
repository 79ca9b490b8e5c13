// The store's own sync with HQ, for the process that owns the store database
// (`kiosk --role node`, `kiosk --role customer --listen ...`): shared/sync's
// SyncWorker on its own thread over libcurl, plus a watcher that nudges it
// when the outbox grows (any process's commit: one indexed read every
// `watch_every`). A store without HQ configured (kioskctl hq set) only has its
// configuration re-read each interval, so setting HQ later needs no restart.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "sync/sync_worker.h"

namespace kiosk::node {

struct StoreSyncOptions {
  SyncWorkerOptions worker;
  std::chrono::milliseconds watch_every{500};
};

class StoreSync {
 public:
  StoreSync(std::string data_dir, const Clock& clock, StoreSyncOptions options = {});
  ~StoreSync();  // stops
  StoreSync(const StoreSync&) = delete;
  StoreSync& operator=(const StoreSync&) = delete;

  void start();
  void stop();  // ends both threads at once and joins them

 private:
  void watch();

  std::string data_dir_;
  StoreSyncOptions options_;
  SyncWorker worker_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace kiosk::node
