// RunningNode: the server, the sync and the purge in their order.
#include "node/running_node.h"

#include <cstdio>

namespace kiosk::node {

RunningNode::RunningNode(const StoreNodeConfig& config, const Clock& clock)
    : server_(config, clock), sync_(config.data_dir, clock), purge_(config.data_dir, clock) {}

Result<std::unique_ptr<RunningNode>> RunningNode::start(const StoreNodeConfig& config, const Clock& clock) {
  std::unique_ptr<RunningNode> node(new RunningNode(config, clock));
  Result<int> port = node->server_.start();
  if (!port) return port.error();
  node->port_ = port.value();
  std::printf("{\"listening\": \"%s:%d\", \"pin\": \"%s\"}\n", config.listen.host.c_str(), port.value(),
              node->pin().c_str());
  std::fflush(stdout);
  node->sync_.start();
  node->purge_.start();
  return node;
}

RunningNode::~RunningNode() {
  purge_.stop();
  sync_.stop();
  server_.stop();
}

}  // namespace kiosk::node
