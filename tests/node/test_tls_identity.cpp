// The store node's TLS key: made once with mode 0600, the same pin on every
// later start, and never replaced silently when a file is damaged or missing.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "http_server/tls_identity.h"
#include "support/temp_dir.h"

using namespace kiosk;
using kiosk::test::TempDir;

namespace {

int mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return int(st.st_mode & 0777);
}

}  // namespace

TEST_CASE("the node's key is made once, readable by its user only, and loads with the same pin") {
  TempDir dir;
  const std::string tls = http_server::node_tls_dir(dir.path());
  CHECK(http_server::load_tls_identity(tls).error().code == "no-tls-identity");
  Result<http_server::TlsIdentity> made = http_server::load_or_create_tls_identity(tls, "kiosk store node S1");
  REQUIRE(made.ok());
  CHECK(made.value().pin.rfind("sha256//", 0) == 0);
  CHECK(made.value().pin.size() == 8 + 44);
  CHECK(mode_of(tls + "/node-key.pem") == 0600);
  CHECK(mode_of(tls) == 0700);
  CHECK(http::fingerprint_of_pin(made.value().pin).size() == 9);
  Result<http_server::TlsIdentity> again = http_server::load_or_create_tls_identity(tls, "kiosk store node S1");
  REQUIRE(again.ok());
  CHECK(again.value().pin == made.value().pin);
  CHECK(again.value().private_key_pem == made.value().private_key_pem);
}

TEST_CASE("a damaged or half-missing key stops the node with the file named, and nothing is replaced") {
  TempDir dir;
  const std::string tls = http_server::node_tls_dir(dir.path());
  REQUIRE(http_server::load_or_create_tls_identity(tls, "n").ok());
  const std::string key = tls + "/node-key.pem";
  std::filesystem::copy_file(key, tls + "/kept.pem");
  std::ofstream(key, std::ios::trunc) << "not a key";
  Result<http_server::TlsIdentity> damaged = http_server::load_or_create_tls_identity(tls, "n");
  REQUIRE_FALSE(damaged.ok());
  CHECK(damaged.error().message.find(key) != std::string::npos);
  CHECK(damaged.error().message.find("enrolled again") != std::string::npos);

  std::filesystem::remove(key);
  Result<http_server::TlsIdentity> missing = http_server::load_or_create_tls_identity(tls, "n");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("node-key.pem is missing") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(key));

  // Another node's key beside this certificate.
  TempDir other;
  REQUIRE(http_server::load_or_create_tls_identity(other.path() + "/tls", "m").ok());
  std::filesystem::copy_file(other.path() + "/tls/node-key.pem", key);
  CHECK(http_server::load_tls_identity(tls).error().message.find("does not belong") != std::string::npos);
}
