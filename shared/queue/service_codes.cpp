// Comma-joined service codes, both ways.
#include "queue/service_codes.h"

namespace kiosk {

std::vector<std::string> split_service_codes(const std::string& joined) {
  std::vector<std::string> codes;
  std::size_t start = 0;
  while (start < joined.size()) {
    const std::size_t comma = joined.find(',', start);
    const std::size_t end = comma == std::string::npos ? joined.size() : comma;
    if (end > start) codes.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return codes;
}

std::string join_service_codes(const std::vector<std::string>& codes) {
  std::string joined;
  for (const std::string& c : codes) joined += (joined.empty() ? "" : ",") + c;
  return joined;
}

}  // namespace kiosk
