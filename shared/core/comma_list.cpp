// Comma-joined lists, both ways.
#include "core/comma_list.h"

namespace kiosk {

std::vector<std::string> split_comma_list(const std::string& joined) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < joined.size()) {
    const std::size_t comma = joined.find(',', start);
    const std::size_t end = comma == std::string::npos ? joined.size() : comma;
    if (end > start) words.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join_comma_list(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : ",") + w;
  return joined;
}

}  // namespace kiosk
