// Random identifiers for records that will travel between devices (UUID v4).
#pragma once

#include <string>

namespace kiosk {

// A random RFC 4122 version-4 UUID in its 36-character text form.
std::string new_uuid();

// True for an RFC 4122 UUID in its 36-character text form (any version, either case).
bool is_uuid(const std::string& text);

// `length` random characters from an alphabet without look-alikes (no 0/O,
// 1/I/L): for tokens a person may read or type.
std::string random_token(std::size_t length);

// `length` random decimal digits: for one-time codes typed on a keypad.
std::string random_digits(std::size_t length);

// True for the characters random_token draws from (2-9 and A-Z without I, L, O).
bool is_token_character(char c);

}  // namespace kiosk
