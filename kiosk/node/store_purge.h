// The scheduled privacy purge, for the process that owns the store database
// (`kiosk --role node`, `kiosk --role customer --listen ...`): on its own
// thread, once at start and then every `every` (an hour by default), it erases
// the personal fields of requests closed or cancelled at least `days` days
// ago (shared/requests/request_purge.h). A failed run is logged and retried at
// the next interval; stop() ends the wait at once.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "requests/request_purge.h"

namespace kiosk::node {

struct StorePurgeOptions {
  int days = kDefaultPurgeDays;  // 0..kMaxPurgeDays
  std::chrono::milliseconds every{std::chrono::hours(1)};
};

class StorePurge {
 public:
  StorePurge(std::string data_dir, const Clock& clock, StorePurgeOptions options = {});
  ~StorePurge();  // stops
  StorePurge(const StorePurge&) = delete;
  StorePurge& operator=(const StorePurge&) = delete;

  void start();
  void stop();
  // Requests purged by this scheduler so far (for tests and logs).
  std::int64_t purged() const;

 private:
  void run();

  std::string data_dir_;
  const Clock& clock_;
  StorePurgeOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::int64_t purged_ = 0;
  std::thread thread_;
};

}  // namespace kiosk::node
