// The key that seals customers' details on a technician's tablet (a tablet
// can be lost): the name, phone, address and description of each job and
// the customer's signature are kept in the database only as libsodium
// secretboxes (XSalsa20-Poly1305, a random nonce each), so the database file
// alone (a copy, a backup, a support upload) holds none of them. The key is a
// file of its own beside it (DIR/technician.key, 32 random bytes, readable by
// its owner only), made once and kept for the tablet's life: a process that
// starts at the same moment reads the one the other made.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kiosk {

class FieldSecrets {
 public:
  static constexpr std::size_t kKeyBytes = 32;

  // Reads the key file, or makes it when there is none. A file of the wrong
  // size is refused (never replaced: what it sealed would be lost).
  static Result<FieldSecrets> load_or_create(const std::string& key_file);

  // nonce || box of `plain`.
  std::string seal(std::string_view plain) const;
  // nullopt when `sealed` is not a box of this key (damaged, or another tablet's).
  std::optional<std::string> open(std::string_view sealed) const;

 private:
  explicit FieldSecrets(const std::array<unsigned char, kKeyBytes>& key) : key_(key) {}
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace kiosk
