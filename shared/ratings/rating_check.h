// The rating check: four digits printed on a ticket (and shown on the kiosk's
// ticket screen) that a customer types with the ticket number to rate that
// visit at the kiosk, so nobody can rate a stranger's visit by its number
// alone (numbers are sequential and called out loud). The digits are derived
// from the ticket's random QR token, so nothing more is stored; a visit that
// was transferred keeps the digits of the ticket issued at the kiosk.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

constexpr std::size_t kRatingCheckDigits = 4;

// "0000".."9999"; empty for a ticket without a token (none can be checked).
std::string rating_check_digits(std::string_view token);

// Wrong check digits allowed per visit before the kiosk stops taking tries
// for it (one kiosk process): 5 tries in 10,000 is a 0.05% chance to guess.
constexpr int kRatingCheckTries = 5;

}  // namespace kiosk
