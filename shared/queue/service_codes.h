// A counter's services as the counter table stores them: codes joined by commas.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

std::vector<std::string> split_service_codes(const std::string& joined);
std::string join_service_codes(const std::vector<std::string>& codes);

}  // namespace kiosk
