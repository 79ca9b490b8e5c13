// Generating and reading back request codes.
#include "requests/request_code.h"

#include <cctype>

#include "core/random_id.h"

namespace kiosk {
namespace {

constexpr std::size_t kRandomChars = 6;  // after the "R"
constexpr std::size_t kDashAfter = 3;    // "R" + 3, "-", 3

std::string formatted(const std::string& random_part) {
  return "R" + random_part.substr(0, kDashAfter) + "-" + random_part.substr(kDashAfter);
}

}  // namespace

std::string new_request_code() { return formatted(random_token(kRandomChars)); }

std::optional<std::string> normalize_request_code(const std::string& typed) {
  std::string compact;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    compact += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (compact.size() != 1 + kRandomChars || compact[0] != 'R') return std::nullopt;
  for (std::size_t i = 1; i < compact.size(); ++i)
    if (!is_token_character(compact[i])) return std::nullopt;
  return formatted(compact.substr(1));
}

}  // namespace kiosk
