// Sealing customers' details on the tablet with libsodium (see field_secrets.h).
#include "field/field_secrets.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk {
namespace {

static_assert(FieldSecrets::kKeyBytes == crypto_secretbox_KEYBYTES);

Error key_error(const std::string& key_file, const std::string& what) {
  return storage_error("the tablet's key " + key_file + " " + what);
}

// Reads exactly the key's bytes; false when the file holds another amount.
bool read_key(int fd, std::array<unsigned char, FieldSecrets::kKeyBytes>& key) {
  std::size_t got = 0;
  while (got < key.size()) {
    const ssize_t n = ::read(fd, key.data() + got, key.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += std::size_t(n);
  }
  unsigned char extra = 0;
  return ::read(fd, &extra, 1) == 0;
}

}  // namespace

Result<FieldSecrets> FieldSecrets::load_or_create(const std::string& key_file) {
  if (sodium_init() < 0) return storage_error("libsodium could not start");
  std::array<unsigned char, kKeyBytes> key{};
  // First use: a new key, written to a file of its own and linked in place only
  // once complete, so a reader never sees half a key and two first starts agree.
  if (::access(key_file.c_str(), F_OK) != 0) {
    const std::string partial = key_file + ".new-" + std::to_string(::getpid());
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return key_error(key_file, std::string("could not be made: ") + std::strerror(errno));
    randombytes_buf(key.data(), key.size());
    const bool written = ::write(fd, key.data(), key.size()) == ssize_t(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    const bool linked = written && (::link(partial.c_str(), key_file.c_str()) == 0 || errno == EEXIST);
    ::unlink(partial.c_str());
    if (!linked) return key_error(key_file, std::string("could not be written: ") + std::strerror(errno));
  }
  const int fd = ::open(key_file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return key_error(key_file, std::string("could not be read: ") + std::strerror(errno));
  const bool whole = read_key(fd, key);
  ::close(fd);
  if (!whole) return key_error(key_file, "is not a key of this program (32 bytes); it is left as it is");
  return FieldSecrets(key);
}

std::string FieldSecrets::seal(std::string_view plain) const {
  std::string sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(sealed.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out, key_.data());
  return sealed;
}

std::optional<std::string> FieldSecrets::open(std::string_view sealed) const {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) return std::nullopt;
  const auto* in = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string plain(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), in + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, in, key_.data()) != 0)
    return std::nullopt;
  return plain;
}

}  // namespace kiosk
