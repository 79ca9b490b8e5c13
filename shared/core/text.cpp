// UTF-8 decoding and validation, and single-line field checks.
#include "core/text.h"

#include <cstdint>

namespace kiosk {
namespace {

// Decodes the sequence at text[i] into *out; returns its length in bytes, or 0
// when it is malformed (bad lead byte, truncated, overlong, surrogate, > U+10FFFF).
std::size_t decode_one(std::string_view text, std::size_t i, char32_t* out) {
  const auto lead = static_cast<std::uint8_t>(text[i]);
  std::size_t extra = 0;
  std::uint32_t cp = 0;
  if (lead < 0x80) {
    cp = lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else
    return 0;
  if (i + extra >= text.size()) return 0;  // truncated sequence
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<std::uint8_t>(text[i + k]);
    if ((next & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (next & 0x3F);
  }
  static constexpr std::uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *out = cp;
  return extra + 1;
}

// Bytes a malformed sequence at text[i] spans: its lead byte and the
// continuation bytes that follow it (the "maximal subpart" of Unicode's
// recommended practice, so "\xE5\x92" is one replacement character, not two).
std::size_t malformed_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<std::uint8_t>(text[i]);
  const std::size_t extra = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : 0;
  std::size_t length = 1;
  while (length <= extra && i + length < text.size() && (static_cast<std::uint8_t>(text[i + length]) & 0xC0) == 0x80)
    ++length;
  return length;
}

}  // namespace

std::size_t utf8_decode_at(std::string_view text, std::size_t pos, char32_t& out) {
  const std::size_t used = decode_one(text, pos, &out);
  if (used) return used;
  out = U'\uFFFD';
  return malformed_length(text, pos);
}

std::u32string utf8_code_points(std::string_view text) {
  std::u32string points;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    i += utf8_decode_at(text, i, cp);
    points.push_back(cp);
  }
  return points;
}

void erase_last_character(std::string& text) {
  while (!text.empty()) {
    const unsigned char last = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((last & 0xC0) != 0x80) break;  // stop after the first byte of the character
  }
}

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    char32_t cp = 0;
    const std::size_t used = decode_one(text, i, &cp);
    if (!used) return std::nullopt;
    i += used;
  }
  return count;
}

bool has_control_characters(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<std::uint8_t>(text[i]);
    if (c < 0x20 || c == 0x7F) return true;
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<std::uint8_t>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

std::optional<std::string> check_single_line(std::string_view what, std::string_view text, std::size_t max_chars) {
  const std::string name(what);
  const std::optional<std::size_t> length = utf8_length(text);
  if (!length) return name + " is not valid UTF-8 text";
  if (*length == 0) return name + " is empty";
  if (has_control_characters(text)) return name + " contains control characters";
  if (*length > max_chars) return name + " is longer than " + std::to_string(max_chars) + " characters";
  return std::nullopt;
}

}  // namespace kiosk
