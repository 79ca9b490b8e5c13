// Checks on text that comes from outside (files, command lines, the network):
// valid UTF-8, no control characters, length in characters.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Number of code points if `text` is valid UTF-8 (no overlongs, no surrogates),
// otherwise nullopt.
std::optional<std::size_t> utf8_length(std::string_view text);

// The code points of valid UTF-8 text; malformed bytes become U+FFFD.
std::u32string utf8_code_points(std::string_view text);

// Decodes the character that starts at byte `pos` into `out` and returns its
// length in bytes (at least 1): for walking text by byte position. Malformed
// bytes decode as one U+FFFD per malformed sequence.
std::size_t utf8_decode_at(std::string_view text, std::size_t pos, char32_t& out);

// Removes the last UTF-8 character of `text` (all its bytes); nothing when empty.
void erase_last_character(std::string& text);

// True if `text` holds a C0/C1 control character or DEL (tab and newline too).
bool has_control_characters(std::string_view text);

// A message when `text` is not acceptable as a one-line name of at most
// `max_chars` characters, or nullopt when it is. `what` names the field.
std::optional<std::string> check_single_line(std::string_view what, std::string_view text, std::size_t max_chars);

}  // namespace kiosk
