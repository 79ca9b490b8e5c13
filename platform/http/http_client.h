// HttpClient: GET and POST of JSON to one base URL over libcurl, with connect
// and total timeouts, a low-speed limit, an optional bearer token (or Basic
// authentication) and a bounded response size. Any HTTP status comes back as
// a response (4xx/5xx bodies included); only transport failures are errors
// (see http_error.h). Safe to share between threads: requests on one client
// are serialized and reuse its connection. Nothing here throws.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace kiosk::http {

struct HttpClientOptions {
  std::string base_url;      // "http://192.168.1.20:8080"; request paths are appended
  std::string bearer_token;  // sent as "Authorization: Bearer ..." when not empty
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds total_timeout{10000};
  // A transfer slower than this many bytes per second for low_speed_window is abandoned.
  long low_speed_bytes_per_second = 16;
  std::chrono::seconds low_speed_window{5};
  std::size_t max_response_bytes = 4 * 1024 * 1024;
  // HTTPS to a server with a self-signed certificate (the store node): its key
  // must be this pin ("sha256//BASE64", http/key_pin.h), checked before a byte
  // is sent; its CA chain and name are not checked. A mismatch is the
  // transport error "wrong-server". Empty: the system's CAs and the host name (HQ).
  std::string pinned_public_key = {};
  // Any certificate, no pin: only for the one enrolment call that learns the pin.
  bool trust_any_certificate = false;
};

// What one request may set beyond the client's options.
struct RequestOptions {
  std::string bearer_token;                                // replaces the client's when not empty
  std::optional<std::chrono::milliseconds> total_timeout;  // e.g. longer for a long poll
  std::string content_encoding;  // "gzip": the body is already compressed (a sync upload to HQ)
  // HTTP Basic authentication (an SMS gateway's webhook) when basic_user is not empty.
  std::string basic_user, basic_password;
  // More headers (name, value); a line break in either refuses the request.
  std::vector<std::pair<std::string, std::string>> headers;
  // Set while the request is on the wire: it is abandoned within about a
  // second (a worker that stops), as a transport failure with code "cancelled".
  const std::atomic<bool>* cancel = nullptr;
};

struct HttpResponse {
  long status = 0;                    // 200, 404, 503...
  std::string body;                   // as received, at most max_response_bytes
  std::optional<long> retry_after_s;  // the Retry-After header in seconds, when sent
  // Bytes of HTTP as sent and as received, headers included (before TLS).
  std::int64_t wire_bytes_sent = 0;
  std::int64_t wire_bytes_received = 0;
  // Whether this request opened a new connection (a TCP and, for HTTPS, a TLS
  // handshake) rather than reusing the client's open one.
  bool new_connection = false;
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  Result<HttpResponse> get(std::string_view path, const RequestOptions& request = {});
  Result<HttpResponse> post_json(std::string_view path, std::string_view json_body, const RequestOptions& request = {});

 private:
  struct CurlHandle;  // the reused easy handle; curl types stay out of this header

  Result<HttpResponse> perform(std::string_view method, std::string_view path, std::string_view json_body,
                               const RequestOptions& request);

  HttpClientOptions options_;
  std::mutex request_mutex_;
  std::unique_ptr<CurlHandle> curl_;
};

}  // namespace kiosk::http
