// Where the store node listens: "ADDR:PORT" as given to --listen.
#pragma once

#include <string>

#include "core/result.h"

namespace kiosk::node {

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 8700;  // 0: any free port (tests)
};

// "127.0.0.1:8700", "0.0.0.0:8700"; the port 0-65535.
Result<ListenAddress> parse_listen_address(const std::string& text);

}  // namespace kiosk::node
