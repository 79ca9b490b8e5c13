// libsodium behind pin_hash.h; sodium_init runs once before any use.
#include "staff/pin_hash.h"

#include <sodium.h>

#include <cassert>

namespace kiosk {
namespace {

void ensure_sodium() {
  [[maybe_unused]] static const int ready = sodium_init();
  assert(ready >= 0 && "libsodium could not initialise");
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

PinHashCost PinHashCost::fastest_for_tests() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::optional<std::string> hash_pin(const std::string& pin, const PinHashCost& cost) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), cost.opslimit, cost.memlimit, crypto_pwhash_ALG_ARGON2ID13) !=
      0)
    return std::nullopt;
  return std::string(out);
}

bool pin_matches(const std::string& pin, const std::string& stored_hash) {
  ensure_sodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

std::string new_session_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string session_token_hash(const std::string& token) {
  ensure_sodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return to_hex(digest, sizeof digest);
}

}  // namespace kiosk
