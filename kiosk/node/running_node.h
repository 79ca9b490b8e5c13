// A store node at work: its LAN API server, its sync with HQ (store_sync.h)
// and its hourly purge of personal data (store_purge.h), started together and
// stopped together. Both processes that own a store run one: `kiosk --role
// node` and the customer kiosk started with --listen.
#pragma once

#include <memory>

#include "core/clock.h"
#include "core/result.h"
#include "node/store_node_server.h"
#include "node/store_purge.h"
#include "node/store_sync.h"

namespace kiosk::node {

class RunningNode {
 public:
  // Serves, prints {"listening": "ADDR:PORT", "pin": "sha256//..."} on stdout, then starts the sync
  // and the purge. An error when the store or the address cannot be used.
  static Result<std::unique_ptr<RunningNode>> start(const StoreNodeConfig& config, const Clock& clock);
  ~RunningNode();  // stops the purge, the sync, then the server
  RunningNode(const RunningNode&) = delete;
  RunningNode& operator=(const RunningNode&) = delete;

  int port() const { return port_; }
  const std::string& pin() const { return server_.pin(); }

 private:
  RunningNode(const StoreNodeConfig& config, const Clock& clock);

  StoreNodeServer server_;
  StoreSync sync_;
  StorePurge purge_;  // kDefaultPurgeDays, hourly
  int port_ = 0;
};

}  // namespace kiosk::node
