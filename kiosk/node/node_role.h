// `kiosk --role node`: the store node's API without a window, serving until
// SIGTERM or SIGINT.
#pragma once

#include "node/store_node_server.h"

namespace kiosk::node {

// Prints {"listening": "ADDR:PORT", "pin": "sha256//..."} on stdout once serving; returns the exit
// code (0 after a clean stop, 1 if the store or the address cannot be used).
int serve_until_signalled(const StoreNodeConfig& config);

}  // namespace kiosk::node
