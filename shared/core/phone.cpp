// Phone validation and masking (GB/T 35273 style: middle digits hidden).
#include "core/phone.h"

namespace kiosk {

bool is_mobile(const std::string& digits) {
  return digits.size() == kMobileDigits && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9' &&
         digits.find_first_not_of("0123456789") == std::string::npos;
}

Result<std::string> normalize_phone(const std::string& typed) {
  std::string digits;
  for (char c : typed) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c != ' ' && c != '-')
      return invalid_argument("a phone number has only digits", "phone-not-digits");
  }
  if (digits.empty()) return invalid_argument("the phone number is empty", "phone-empty");
  const bool mobile = is_mobile(digits);
  // Landline: area code 0xx or 0xxx, then a 7- or 8-digit number, the number not starting with 0 or 1.
  const bool landline =
      digits[0] == '0' && digits.size() >= 10 && digits.size() <= kMaxLandlineDigits && digits[1] != '0' && [&] {
        for (std::size_t area = 3; area <= 4; ++area) {
          const std::size_t rest = digits.size() - area;
          if ((rest == 7 || rest == 8) && digits[area] >= '2') return true;
        }
        return false;
      }();
  if (!mobile && !landline)
    return invalid_argument(
        "not a Chinese mobile (11 digits, 1[3-9]...) or landline (0 + area code + 7-8 digits) number", "phone-format");
  return digits;
}

std::string mask_phone(const std::string& digits) {
  if (digits.size() < 7) return std::string(digits.size(), '*');
  const std::size_t keep_front = digits[0] == '0' ? (digits.size() >= 12 ? 4 : 3) : 3;
  return digits.substr(0, keep_front) + "****" + digits.substr(digits.size() - 4);
}

}  // namespace kiosk
