// The rating check digits: FNV-1a (64 bit) of the token, the last four decimal
// digits. Stable across versions: tickets printed yesterday must still check.
#include "ratings/rating_check.h"

#include <cstdint>
#include <cstdio>

namespace kiosk {

std::string rating_check_digits(std::string_view token) {
  if (token.empty()) return {};
  std::uint64_t hash = 14695981039346656037ull;
  for (const char c : token) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char digits[8];
  std::snprintf(digits, sizeof digits, "%04u", static_cast<unsigned>(hash % 10000));
  return digits;
}

}  // namespace kiosk
