// Fuzzes phone numbers as typed (core/phone.h): a number it accepts is digits
// only, normalises to itself, and its mask hides at least three of its digits.
#include <algorithm>
#include <cctype>

#include "core/phone.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string typed = kiosk::fuzz::input_text(data, size);
  (void)kiosk::mask_phone(typed);
  (void)kiosk::is_mobile(typed);
  const kiosk::Result<std::string> phone = kiosk::normalize_phone(typed);
  if (!phone.ok()) return 0;
  const std::string& digits = phone.value();
  kiosk::fuzz::require(std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); }),
                       "an accepted phone number holds more than digits");
  kiosk::fuzz::require(kiosk::normalize_phone(digits).ok(), "an accepted number is refused once normalised");
  const std::string masked = kiosk::mask_phone(digits);
  const auto shown = std::count_if(masked.begin(), masked.end(), [](unsigned char c) { return std::isdigit(c); });
  kiosk::fuzz::require(std::size_t(shown) + 3 <= digits.size(), "the mask shows all but two digits or fewer");
  return 0;
}
