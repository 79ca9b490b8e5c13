// Walks the code points of UTF-8 text, for glyph coverage checks. Malformed
// bytes come out as U+FFFD, one per bad byte, so nothing is skipped silently.
#pragma once

#include <cstddef>
#include <string_view>

namespace kiosk::ui {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point starting at text[pos] into `out`; returns the number
// of bytes it took (at least 1). `pos` must be < text.size().
std::size_t decode_utf8_at(std::string_view text, std::size_t pos, char32_t& out);

// Calls visit(char32_t) for every code point of `text`, in order.
template <class Visit>
void for_each_code_point(std::string_view text, Visit&& visit) {
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    pos += decode_utf8_at(text, pos, code_point);
    visit(code_point);
  }
}

}  // namespace kiosk::ui
