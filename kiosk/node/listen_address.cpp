// Parsing --listen ADDR:PORT.
#include "node/listen_address.h"

#include <algorithm>
#include <cctype>

namespace kiosk::node {

Result<ListenAddress> parse_listen_address(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  const auto bad = [&] { return invalid_argument("--listen must be ADDR:PORT, e.g. 127.0.0.1:8700 (got \"" + text + "\")"); };
  if (colon == std::string::npos || colon == 0) return bad();
  const std::string host = text.substr(0, colon), port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); }))
    return bad();
  const int number = std::stoi(port);
  if (number > 65535) return bad();
  return ListenAddress{host, number};
}

}  // namespace kiosk::node
