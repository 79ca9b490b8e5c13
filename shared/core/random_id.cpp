// UUID v4 from the kernel's random source (getrandom), never from a seeded PRNG,
// so two processes started at the same moment cannot produce the same id.
#include "core/random_id.h"

#include <sys/random.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kiosk {

namespace {

constexpr char kAlphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 characters, no 0/O, 1/I/L

void fill_random(std::uint8_t* bytes, std::size_t size) {
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = getrandom(bytes + filled, size - filled, 0);
    if (got < 0) throw std::runtime_error("getrandom failed");
    filled += static_cast<std::size_t>(got);
  }
}

// `length` characters drawn evenly from `alphabet` (rejection sampling: no
// character is likelier than another).
std::string random_from(std::string_view alphabet, std::size_t length) {
  const auto unbiased_limit = static_cast<unsigned>(256 / alphabet.size() * alphabet.size());
  std::string text;
  std::uint8_t byte = 0;
  while (text.size() < length) {
    fill_random(&byte, 1);
    if (byte < unbiased_limit) text += alphabet[byte % alphabet.size()];
  }
  return text;
}

}  // namespace

std::string new_uuid() {
  std::array<std::uint8_t, 16> bytes{};
  fill_random(bytes.data(), bytes.size());
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0F) | 0x40);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", bytes[0],
                bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
  return text;
}

std::string random_token(std::size_t length) { return random_from(kAlphabet, length); }

std::string random_digits(std::size_t length) { return random_from("0123456789", length); }

bool is_token_character(char c) { return std::string_view(kAlphabet).find(c) != std::string_view::npos; }

bool is_uuid(const std::string& text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

}  // namespace kiosk
