// The store node's LAN API (docs/store-node-api.md): an HTTPS JSON server on
// cpp-httplib, with the node's own key (DATA/tls), in front of one store
// database, for the counters and displays enrolled with it (a
// technician's tablet talks to HQ: docs/hq-sync-protocol.md). A pool of handler threads, each with its own StoreDb
// connection; every answer, also every error, is JSON.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "http_server/tls_identity.h"
#include "staff/device_book.h"
#include "staff/staff_book.h"

namespace kiosk::node {

struct StoreNodeConfig {
  std::string data_dir;
  ListenAddress listen;
  // Each open keep-alive connection holds one handler thread while it lasts
  // (cpp-httplib), and each long poll holds one while it waits: allow for
  // every counter and display of a store at once.
  int handler_threads = 32;
  std::size_t max_body_bytes = 16 * 1024;  // larger bodies: 413
  int max_event_wait_s = 30;               // the longest /events long poll
  int other_process_poll_ms = 250;         // how soon a call by another process on the store file is seen
  StaffPolicy staff;
  DevicePolicy devices;
};

class StoreNodeServer {
 public:
  StoreNodeServer(StoreNodeConfig config, const Clock& clock);
  ~StoreNodeServer();  // stops
  StoreNodeServer(const StoreNodeServer&) = delete;
  StoreNodeServer& operator=(const StoreNodeServer&) = delete;

  // Checks the store opens, loads or makes the node's TLS key, binds and
  // serves HTTPS on a thread of its own. Returns the port bound (the one asked
  // for, or a free one for port 0).
  Result<int> start();
  // The node's key pin ("sha256//..."), once started.
  const std::string& pin() const { return pin_; }
  // Ends long polls, stops accepting, waits for the handlers. Idempotent.
  void stop();

 private:
  class Routes;
  StoreNodeConfig config_;
  const Clock& clock_;
  http_server::TlsIdentity tls_;
  std::unique_ptr<Routes> routes_;  // made by start(), after tls_ which it reads
  std::string pin_;
};

}  // namespace kiosk::node
