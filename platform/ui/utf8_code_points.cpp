// UTF-8 decoding for glyph coverage: strict (no overlongs, no surrogates).
#include "ui/utf8_code_points.h"

#include <cstdint>

namespace kiosk::ui {

std::size_t decode_utf8_at(std::string_view text, std::size_t pos, char32_t& out) {
  const auto lead = static_cast<std::uint8_t>(text[pos]);
  std::size_t extra = 0;
  char32_t code_point = 0;
  if (lead < 0x80) { out = lead; return 1; }
  if ((lead & 0xE0) == 0xC0) { extra = 1; code_point = lead & 0x1F; }
  else if ((lead & 0xF0) == 0xE0) { extra = 2; code_point = lead & 0x0F; }
  else if ((lead & 0xF8) == 0xF0) { extra = 3; code_point = lead & 0x07; }
  else { out = kReplacementCharacter; return 1; }
  if (pos + extra >= text.size()) { out = kReplacementCharacter; return 1; }
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<std::uint8_t>(text[pos + k]);
    if ((next & 0xC0) != 0x80) { out = kReplacementCharacter; return 1; }
    code_point = (code_point << 6) | (next & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (code_point < kMinForLength[extra] || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    out = kReplacementCharacter;
    return 1;
  }
  out = code_point;
  return extra + 1;
}

}  // namespace kiosk::ui
