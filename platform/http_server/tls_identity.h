// The store node's TLS identity: an EC P-256 key and a self-signed
// certificate made on first start in a directory of its own (the key file mode
// 0600, both written atomically) and loaded on every later start, with the
// key's pin for the devices (libcurl's CURLOPT_PINNEDPUBLICKEY) and a short
// fingerprint for people (docs/store-node-api.md "TLS and enrolled devices").
#pragma once

#include <string>

#include "core/result.h"
#include "http/key_pin.h"  // fingerprint_of_pin: what people compare

namespace kiosk::http_server {

struct TlsIdentity {
  std::string certificate_pem;
  std::string private_key_pem;
  std::string pin;  // "sha256//" + base64 of SHA-256 over the key's SubjectPublicKeyInfo
};

// Where the store node keeps its key and certificate: DATA/tls.
std::string node_tls_dir(const std::string& data_dir);

// Loads DIR/node-key.pem and DIR/node-cert.pem; error code "no-tls-identity"
// when neither exists yet (the node makes them on its first start), else an
// error naming the file that is missing, unreadable or does not match.
Result<TlsIdentity> load_tls_identity(const std::string& dir);

// Loads DIR/node-key.pem and DIR/node-cert.pem, or makes both when neither
// exists (`common_name` goes in the certificate). An error naming the file
// when one is missing, unreadable or not a key and certificate that match:
// a key is never replaced silently, since every enrolled device pins it.
Result<TlsIdentity> load_or_create_tls_identity(const std::string& dir, const std::string& common_name);

}  // namespace kiosk::http_server
