// Chinese phone numbers as customers type them on a keypad: validation of
// mobile (1[3-9] + 9 digits) and landline (0 + 2-3 digit area code + 7-8 digit
// number) formats, and the mask shown once a number is entered (138****5678).
#pragma once

#include <cstddef>
#include <string>

#include "core/result.h"

namespace kiosk {

constexpr std::size_t kMobileDigits = 11;       // 1[3-9] + 9 digits
constexpr std::size_t kMaxLandlineDigits = 12;  // 0 + a 3-digit area code + 8 digits

// A mobile number's digits (1[3-9] + 9 digits): what a text message reaches.
bool is_mobile(const std::string& digits);

// Accepts digits with optional spaces or dashes; returns the digits only.
// Error codes: "phone-empty", "phone-not-digits", "phone-format".
Result<std::string> normalize_phone(const std::string& typed);

// 13812345678 -> 138****5678; 01012345678 -> 010****5678. Anything shorter
// than 7 characters is masked whole.
std::string mask_phone(const std::string& digits);

}  // namespace kiosk
