// Lists kept in one SQLite text column as comma-joined words ("A,B,C"): a
// counter's service codes, a rating's reason tags. Empty words are dropped.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

std::vector<std::string> split_comma_list(const std::string& joined);
std::string join_comma_list(const std::vector<std::string>& words);

}  // namespace kiosk
