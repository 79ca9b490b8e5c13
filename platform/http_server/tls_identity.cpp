// The store node's key and self-signed certificate with OpenSSL 3: made once
// (EC P-256, valid 30 years: devices pin the key, not the certificate's
// dates), written as PEM through a temporary file, fsync and rename, and
// checked on every load (the key must match the certificate).
#include "http_server/tls_identity.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace kiosk::http_server {
namespace {

constexpr const char* kKeyFile = "node-key.pem";
constexpr const char* kCertificateFile = "node-cert.pem";
constexpr long kValidSeconds = 30L * 365 * 24 * 3600;

struct OpenSslFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using Certificate = std::unique_ptr<X509, OpenSslFree>;
using Bio = std::unique_ptr<BIO, OpenSslFree>;

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string base64(const unsigned char* bytes, int size) {
  std::string text(static_cast<std::size_t>(4 * ((size + 2) / 3) + 1), '\0');
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes, size);
  text.resize(static_cast<std::size_t>(written));
  return text;
}

// "sha256//" + base64(SHA-256(SubjectPublicKeyInfo DER)), as curl computes it.
Result<std::string> pin_of(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(key, &der);
  if (size <= 0) return storage_error("cannot encode the node's public key");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  const bool hashed = EVP_Digest(der, static_cast<std::size_t>(size), digest, &digest_size, EVP_sha256(), nullptr) == 1;
  OPENSSL_free(der);
  if (!hashed) return storage_error("cannot hash the node's public key");
  return std::string(http::kPinPrefix) + base64(digest, static_cast<int>(digest_size));
}

Result<TlsIdentity> identity_of(EVP_PKEY* key, X509* certificate) {
  Bio key_pem(BIO_new(BIO_s_mem())), certificate_pem(BIO_new(BIO_s_mem()));
  if (!key_pem || !certificate_pem ||
      PEM_write_bio_PrivateKey(key_pem.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_X509(certificate_pem.get(), certificate) != 1)
    return storage_error("cannot write the node's key and certificate as PEM");
  Result<std::string> pin = pin_of(key);
  if (!pin) return pin.error();
  return TlsIdentity{bio_text(certificate_pem.get()), bio_text(key_pem.get()), pin.value()};
}

Result<Certificate> self_signed(EVP_PKEY* key, const std::string& common_name) {
  Certificate certificate(X509_new());
  if (!certificate) return storage_error("cannot make a certificate");
  unsigned char serial[16];
  if (RAND_bytes(serial, sizeof serial) != 1) return storage_error("no random bytes for a certificate's serial");
  serial[0] &= 0x7f;  // a positive serial number
  BIGNUM* serial_number = BN_bin2bn(serial, sizeof serial, nullptr);
  X509_name_st* name = X509_get_subject_name(certificate.get());
  const bool made =
      X509_set_version(certificate.get(), 2) == 1 && serial_number != nullptr &&
      BN_to_ASN1_INTEGER(serial_number, X509_get_serialNumber(certificate.get())) != nullptr &&
      X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -24 * 3600) != nullptr &&
      X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kValidSeconds) != nullptr &&
      X509_set_pubkey(certificate.get(), key) == 1 &&
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(common_name.c_str()),
                                 -1, -1, 0) == 1 &&
      X509_set_issuer_name(certificate.get(), name) == 1 && X509_sign(certificate.get(), key, EVP_sha256()) > 0;
  BN_free(serial_number);
  if (!made) return storage_error("cannot make the node's self-signed certificate");
  return certificate;
}

std::string errno_text() { return std::strerror(errno); }

// Writes `text` to `path` (mode `mode`) through PATH.tmp, fsync and rename.
Result<Done> write_atomically(const std::string& path, const std::string& text, mode_t mode) {
  const std::string temporary = path + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return storage_error("cannot write " + temporary + ": " + errno_text());
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = errno_text();
      ::close(fd);
      ::unlink(temporary.c_str());
      return storage_error("cannot write " + temporary + ": " + why);
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(temporary.c_str());
    return storage_error("cannot write " + path + ": " + why);
  }
  return Done{};
}

void sync_directory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return storage_error("cannot read " + path + ": " + errno_text());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<TlsIdentity> make_identity(const std::string& dir, const std::string& common_name) {
  Key key(EVP_EC_gen("P-256"));
  if (!key) return storage_error("cannot make the node's key (EC P-256)");
  Result<Certificate> certificate = self_signed(key.get(), common_name);
  if (!certificate) return certificate.error();
  Result<TlsIdentity> identity = identity_of(key.get(), certificate.value().get());
  if (!identity) return identity.error();
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return storage_error("cannot make " + dir + ": " + error.message());
  ::chmod(dir.c_str(), 0700);
  // The certificate last: a power cut between the two leaves only a key,
  // which load reports instead of making a second one over it.
  if (Result<Done> kept = write_atomically(dir + "/" + kKeyFile, identity.value().private_key_pem, 0600); !kept)
    return kept.error();
  if (Result<Done> kept = write_atomically(dir + "/" + kCertificateFile, identity.value().certificate_pem, 0644); !kept)
    return kept.error();
  sync_directory(dir);
  return identity;
}

}  // namespace

std::string node_tls_dir(const std::string& data_dir) { return data_dir + "/tls"; }

Result<TlsIdentity> load_tls_identity(const std::string& dir) {
  const std::string key_path = dir + "/" + kKeyFile, certificate_path = dir + "/" + kCertificateFile;
  std::error_code error;
  const bool has_key = std::filesystem::exists(key_path, error),
             has_certificate = std::filesystem::exists(certificate_path, error);
  if (!has_key && !has_certificate)
    return Error{ErrorKind::Storage, "the store node has not made its TLS key yet (" + dir + ")", "no-tls-identity"};
  const std::string remedy = ": move " + dir +
                             " away to make a new key at the node's next start; every counter and display must then "
                             "be enrolled again";
  if (!has_key) return storage_error(key_path + " is missing" + remedy);
  if (!has_certificate) return storage_error(certificate_path + " is missing" + remedy);
  Result<std::string> key_text = read_file(key_path);
  if (!key_text) return key_text.error();
  Result<std::string> certificate_text = read_file(certificate_path);
  if (!certificate_text) return certificate_text.error();
  Bio key_bio(BIO_new_mem_buf(key_text.value().data(), static_cast<int>(key_text.value().size())));
  Bio certificate_bio(
      BIO_new_mem_buf(certificate_text.value().data(), static_cast<int>(certificate_text.value().size())));
  Key key(key_bio ? PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key) return storage_error(key_path + " is not a PEM private key" + remedy);
  Certificate certificate(certificate_bio ? PEM_read_bio_X509(certificate_bio.get(), nullptr, nullptr, nullptr)
                                          : nullptr);
  if (!certificate) return storage_error(certificate_path + " is not a PEM certificate" + remedy);
  if (X509_check_private_key(certificate.get(), key.get()) != 1)
    return storage_error(certificate_path + " does not belong to the key in " + key_path + remedy);
  return identity_of(key.get(), certificate.get());
}

Result<TlsIdentity> load_or_create_tls_identity(const std::string& dir, const std::string& common_name) {
  Result<TlsIdentity> loaded = load_tls_identity(dir);
  if (loaded || loaded.error().code != "no-tls-identity") return loaded;
  return make_identity(dir, common_name);
}

}  // namespace kiosk::http_server
