// A TLS server key's pin ("sha256//" + base64 of SHA-256 over its
// SubjectPublicKeyInfo, as libcurl's CURLOPT_PINNEDPUBLICKEY takes it) and the
// short fingerprint people compare on two screens: the digest's first 4 bytes
// in upper-case hex as "XXXX-XXXX" (no look-alikes such as l and I, nothing
// but 0-9 and A-F to read out).
#pragma once

#include <string>
#include <string_view>

namespace kiosk::http {

inline constexpr const char* kPinPrefix = "sha256//";

inline std::string fingerprint_of_pin(const std::string& pin) {
  constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  constexpr std::string_view prefix = kPinPrefix;
  if (pin.rfind(prefix, 0) != 0 || pin.size() < prefix.size() + 8) return "";
  unsigned long long bits = 0;  // 8 base64 characters: 48 bits, the digest's first 6 bytes
  for (std::size_t i = 0; i < 8; ++i) {
    const std::size_t value = kBase64.find(pin[prefix.size() + i]);
    if (value == std::string_view::npos) return "";
    bits = (bits << 6) | value;
  }
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string fingerprint;
  for (int nibble = 11; nibble >= 4; --nibble) {  // the first 4 bytes
    fingerprint += kHex[(bits >> (nibble * 4)) & 0xF];
    if (nibble == 8) fingerprint += '-';
  }
  return fingerprint;
}

}  // namespace kiosk::http
