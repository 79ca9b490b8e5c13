// HttpClient on one reused curl easy handle, guarded by a mutex.
#include "http/http_client.h"

#include <curl/curl.h>

#include "http/http_error.h"

namespace kiosk::http {

namespace {

// curl_global_init is not thread-safe and must run once before any handle exists.
bool curl_ready() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

struct HeaderListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using HeaderList = std::unique_ptr<curl_slist, HeaderListDeleter>;

HeaderList append_header(HeaderList list, const std::string& header) {
  curl_slist* grown = curl_slist_append(list.get(), header.c_str());
  if (grown == nullptr) return list;  // out of memory: the request goes without this header
  list.release();
  return HeaderList(grown);
}

struct BoundedBody {
  std::string text;
  std::size_t limit;
};

std::size_t append_to_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<BoundedBody*>(user);
  const std::size_t bytes = size * count;
  if (body->text.size() + bytes > body->limit) return 0;  // curl stops with CURLE_WRITE_ERROR
  body->text.append(data, bytes);
  return bytes;
}

struct WireBytes {
  std::int64_t sent = 0;
  std::int64_t received = 0;
};

// libcurl's debug callback sees every header and data byte as it goes out or
// comes in; only the count is kept.
int count_wire_bytes(CURL*, curl_infotype type, char*, std::size_t size, void* user) {
  auto* bytes = static_cast<WireBytes*>(user);
  if (type == CURLINFO_HEADER_OUT || type == CURLINFO_DATA_OUT) bytes->sent += std::int64_t(size);
  if (type == CURLINFO_HEADER_IN || type == CURLINFO_DATA_IN) bytes->received += std::int64_t(size);
  return 0;
}

bool has_line_break(const std::string& text) { return text.find_first_of("\r\n") != std::string::npos; }

// libcurl's progress callback (at least once a second, more often while
// bytes move): non-zero abandons the transfer.
int abandon_when_cancelled(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

}  // namespace

struct HttpClient::CurlHandle {
  CURL* easy = nullptr;
  ~CurlHandle() {
    if (easy != nullptr) curl_easy_cleanup(easy);
  }
};

HttpClient::HttpClient(HttpClientOptions options)
    : options_(std::move(options)), curl_(std::make_unique<CurlHandle>()) {
  if (curl_ready()) curl_->easy = curl_easy_init();
}

HttpClient::~HttpClient() = default;

Result<HttpResponse> HttpClient::get(std::string_view path, const RequestOptions& request) {
  return perform("GET", path, {}, request);
}

Result<HttpResponse> HttpClient::post_json(std::string_view path, std::string_view json_body,
                                           const RequestOptions& request) {
  return perform("POST", path, json_body, request);
}

Result<HttpResponse> HttpClient::perform(std::string_view method, std::string_view path, std::string_view json_body,
                                         const RequestOptions& request) {
  const std::string url = options_.base_url + std::string(path);
  std::lock_guard lock(request_mutex_);
  CURL* easy = curl_->easy;
  if (easy == nullptr) return network_error("cannot start libcurl for " + url, "transport");

  HeaderList headers = append_header(nullptr, "Accept: application/json");
  for (const auto& [name, value] : request.headers) {
    if (has_line_break(name) || has_line_break(value))
      return network_error("header " + name + " for " + url + " holds a line break", "bad-header");
    headers = append_header(std::move(headers), name + ": " + value);
  }
  const std::string& token = request.bearer_token.empty() ? options_.bearer_token : request.bearer_token;
  if (!token.empty()) headers = append_header(std::move(headers), "Authorization: Bearer " + token);
  if (!request.basic_user.empty()) {
    curl_easy_setopt(easy, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(easy, CURLOPT_USERNAME, request.basic_user.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, request.basic_password.c_str());
  }
  const std::chrono::milliseconds total_timeout = request.total_timeout.value_or(options_.total_timeout);

  BoundedBody body{{}, options_.max_response_bytes};
  WireBytes wire;
  char curl_detail[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: we run on worker threads
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes_per_second);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.low_speed_window.count()));
  curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_response_bytes));
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");  // HQ's feed comes compressed, inflated here
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append_to_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, curl_detail);
  curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, count_wire_bytes);
  curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &wire);
  curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);  // the debug callback runs only when verbose
  if (request.cancel != nullptr) {
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, abandon_when_cancelled);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(request.cancel));
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);
  }
  if (method == "POST") {
    headers = append_header(std::move(headers), "Content-Type: application/json");
    if (!request.content_encoding.empty())
      headers = append_header(std::move(headers), "Content-Encoding: " + request.content_encoding);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, json_body.data());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json_body.size()));
  } else {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  }
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());
  if (!options_.pinned_public_key.empty() || options_.trust_any_certificate) {
    // A self-signed server (the store node): its key is what is checked, not a CA chain or a name.
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 0L);
    if (!options_.pinned_public_key.empty())
      curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, options_.pinned_public_key.c_str());
  }
  curl_easy_setopt(easy, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));

  const CURLcode outcome = curl_easy_perform(easy);
  long status = 0, new_connections = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &new_connections);
  std::optional<long> retry_after_s;
  curl_off_t retry_after = 0;
  if (outcome == CURLE_OK && curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0)
    retry_after_s = static_cast<long>(retry_after);
  curl_easy_reset(easy);  // forgets this call's buffers and headers; keeps the open connection
  if (outcome != CURLE_OK) return transfer_error(outcome, url, curl_detail);
  return HttpResponse{status, std::move(body.text), retry_after_s, wire.sent, wire.received, new_connections > 0};
}

}  // namespace kiosk::http
