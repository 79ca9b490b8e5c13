// The character policy of request fields (see request_text.h).
#include "requests/request_text.h"

#include <array>
#include <cstdio>
#include <utility>

#include "core/text.h"

namespace kiosk {

const TextField kRequestActor{"actor", "who made the change", 64, true};
const TextField kRequestNote{"note", "the note", 500, false, true};
namespace {

// Inclusive ranges of code points the kiosk's fonts draw.
constexpr std::array<std::pair<char32_t, char32_t>, 8> kPrintable{{
    {0x0020, 0x007E},  // ASCII
    {0x00A0, 0x024F},  // Latin-1 supplement, Latin extended A/B (pinyin tones: ǎ ǐ ǒ ǔ ǖ)
    {0x2010, 0x2027},  // dashes, quotes, ellipsis
    {0x2030, 0x205E},  // per mille, primes, more punctuation (no invisible format characters)
    {0x3000, 0x303F},  // CJK symbols and punctuation: 、。《》「」
    {0x4E00, 0x9FFF},  // CJK unified ideographs
    {0xFF01, 0xFF5E},  // full-width ASCII forms: ，！？（）
    {0xFFE0, 0xFFE6},  // full-width signs: ￥
}};

std::string code_point_name(char32_t c) {
  char text[16];
  std::snprintf(text, sizeof text, "U+%04X", static_cast<unsigned>(c));
  return text;
}

Error text_error(const TextField& field, const char* problem, const std::string& message) {
  return invalid_argument(std::string(field.label) + " " + message, std::string(field.code) + "-" + problem);
}

}  // namespace

bool is_printable_request_character(char32_t c) {
  for (const auto& [first, last] : kPrintable)
    if (c >= first && c <= last) return true;
  return false;
}

std::optional<Error> check_request_text(const TextField& field, const std::string& text) {
  const std::optional<std::size_t> length = utf8_length(text);
  if (!length) return text_error(field, "not-utf8", "is not valid UTF-8 text");
  if (*length == 0) {
    if (field.required) return text_error(field, "empty", "is empty");
    return std::nullopt;
  }
  for (const char32_t c : utf8_code_points(text)) {
    if (c == U'\n' && field.multiline) continue;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
      return text_error(field, "control-character", "contains a control character (" + code_point_name(c) + ")");
    if (!is_printable_request_character(c))
      return text_error(
          field, "unsupported-character",
          "contains a character the kiosk cannot show or print, such as an emoji (" + code_point_name(c) + ")");
  }
  if (*length > field.max_chars)
    return text_error(field, "too-long",
                      "is " + std::to_string(*length) + " characters long; at most " + std::to_string(field.max_chars) +
                          " are allowed");
  return std::nullopt;
}

}  // namespace kiosk
