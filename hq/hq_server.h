// HQ's sync API (docs/hq-sync-protocol.md) over HTTP: cpp-httplib with a pool
// of handler threads, each with its own connection to HQ's database; every
// answer, also every error, is JSON.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/alert_watcher.h"
#include "hq/sms_worker.h"

namespace kiosk::hq {

struct HqServerConfig {
  std::string db;  // a file or a postgresql:// URL (open_hq_db)
  ListenAddress listen{"127.0.0.1", 8800};
  int handler_threads = 16;
  std::size_t max_body_bytes = 4 * 1024 * 1024;       // as sent (gzip or plain): larger is 413
  std::size_t max_inflated_bytes = 16 * 1024 * 1024;  // once decompressed: larger is 413
  std::size_t max_records = 1000;                     // per upload
};

class HqServer {
 public:
  HqServer(HqServerConfig config, const Clock& clock);
  ~HqServer();  // stops
  HqServer(const HqServer&) = delete;
  HqServer& operator=(const HqServer&) = delete;

  // Opens (creating and migrating) the database, binds and serves on a thread
  // of its own. Returns the port bound (a free one for port 0).
  Result<int> start();
  // Stops accepting, waits for the handlers. Idempotent.
  void stop();

 private:
  class Routes;
  HqServerConfig config_;
  const Clock& clock_;
  std::unique_ptr<Routes> routes_;
  AlertWatcher alerts_;
  SmsWorker sms_;  // the SMS reminders (docs/public-pages.md)
};

}  // namespace kiosk::hq
