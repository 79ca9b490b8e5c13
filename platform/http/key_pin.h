// A TLS server key's pin ("sha256//" + base64 of SHA-256 over its
// SubjectPublicKeyInfo, as libcurl's CURLOPT_PINNEDPUBLICKEY takes it) and the
// short fingerprint people compare on two screens: the pin's first 8 base64
// characters as "XXXX-XXXX".
#pragma once

#include <string>

namespace kiosk::http {

inline constexpr const char* kPinPrefix = "sha256//";

inline std::string fingerprint_of_pin(const std::string& pin) {
  const std::string prefix = kPinPrefix;
  if (pin.rfind(prefix, 0) != 0 || pin.size() < prefix.size() + 8) return "";
  return pin.substr(prefix.size(), 4) + "-" + pin.substr(prefix.size() + 4, 4);
}

}  // namespace kiosk::http
