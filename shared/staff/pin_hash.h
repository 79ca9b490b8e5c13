// PIN hashing with libsodium's argon2id (crypto_pwhash_str) and random session
// tokens of which only a hash is ever stored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace kiosk {

// How hard argon2id works for one PIN. The stored hash carries its own
// parameters, so a PIN hashed with any setting verifies with any other.
struct PinHashCost {
  unsigned long long opslimit;
  std::size_t memlimit;

  // For the store node on a small board (ARM, 1-2 GiB RAM): 3 passes over
  // 32 MiB takes roughly 0.1 s on a desktop core and well under a second on a
  // Cortex-A53, and several counters logging in at once still fit in memory.
  // A 4-8 digit PIN is guessable offline whatever the cost; the cost only
  // slows that down, while the online defence is the lockout.
  static PinHashCost for_store() { return {3, 32u * 1024 * 1024}; }
  // libsodium's minimum: tests hash many PINs and must stay fast.
  static PinHashCost fastest_for_tests();
};

// An argon2id hash string (with salt and parameters), or nullopt if libsodium
// could not allocate the memory it needs.
std::optional<std::string> hash_pin(const std::string& pin, const PinHashCost& cost);
bool pin_matches(const std::string& pin, const std::string& stored_hash);

// A new session token: 32 random bytes as 64 hex characters.
std::string new_session_token();
// What the database keeps of a token: its BLAKE2b-256 hash in hex.
std::string session_token_hash(const std::string& token);

}  // namespace kiosk
