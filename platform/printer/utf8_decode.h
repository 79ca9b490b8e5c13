// Decoding UTF-8 text into code points for glyph lookup.
#pragma once

#include <string_view>
#include <vector>

namespace kiosk::printer {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// The code points of `text`; each malformed sequence (stray or missing
// continuation byte, overlong form, surrogate, above U+10FFFF) becomes one
// U+FFFD, so bad input shows on paper instead of vanishing.
std::vector<char32_t> decode_utf8(std::string_view text);

}  // namespace kiosk::printer
