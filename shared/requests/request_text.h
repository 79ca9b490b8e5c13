// The text a request may hold: valid UTF-8, no control characters (a newline
// only where a field allows several lines), a length in characters, and only
// characters the kiosk's fonts (DejaVu Sans + WenQuanYi Micro Hei) draw and
// the receipt prints: Latin with pinyin tones, general and CJK punctuation,
// CJK unified ideographs, full-width forms. Emoji, symbols outside those,
// private-use and invisible format characters are refused by name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/result.h"

namespace kiosk {

struct TextField {
  const char* code;   // stable, starts every error code: "description" -> "description-too-long"
  const char* label;  // for messages: "the description"
  std::size_t max_chars;
  bool required = false;
  bool multiline = false;
};

// Who made a change of a request, and the note it may carry.
extern const TextField kRequestActor, kRequestNote;

// True for a code point the kiosk can show and print (newline excluded).
bool is_printable_request_character(char32_t c);

// nullopt when `text` fits `field`; otherwise an InvalidArgument error with the
// code "<field>-empty", "-not-utf8", "-control-character",
// "-unsupported-character" or "-too-long" and a message naming the field.
std::optional<Error> check_request_text(const TextField& field, const std::string& text);

}  // namespace kiosk
