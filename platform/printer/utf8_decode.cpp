// UTF-8 decoding with U+FFFD for malformed sequences.
#include "printer/utf8_decode.h"

namespace kiosk::printer {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

struct LeadByte {
  int continuation_count;
  char32_t initial_bits;
  char32_t smallest;  // below this the sequence is overlong
};

bool read_lead_byte(unsigned char byte, LeadByte& lead) {
  if (byte >= 0xC2 && byte <= 0xDF) lead = {1, byte & 0x1Fu, 0x80};
  else if (byte >= 0xE0 && byte <= 0xEF) lead = {2, byte & 0x0Fu, 0x800};
  else if (byte >= 0xF0 && byte <= 0xF4) lead = {3, byte & 0x07u, 0x10000};
  else return false;
  return true;
}

}  // namespace

std::vector<char32_t> decode_utf8(std::string_view text) {
  std::vector<char32_t> code_points;
  code_points.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      code_points.push_back(byte);
      ++i;
      continue;
    }
    LeadByte lead{};
    if (!read_lead_byte(byte, lead)) {
      code_points.push_back(kReplacementCharacter);
      ++i;
      continue;
    }
    char32_t value = lead.initial_bits;
    std::size_t next = i + 1;
    int read = 0;
    while (read < lead.continuation_count && next < text.size() && is_continuation(static_cast<unsigned char>(text[next]))) {
      value = (value << 6) | (static_cast<unsigned char>(text[next]) & 0x3Fu);
      ++next;
      ++read;
    }
    const bool complete = read == lead.continuation_count;
    const bool valid = complete && value >= lead.smallest && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF);
    code_points.push_back(valid ? value : kReplacementCharacter);
    i = next;
  }
  return code_points;
}

}  // namespace kiosk::printer
