// Mapping of curl's result codes to the client's errors.
#include "http/http_error.h"

#include <curl/curl.h>

namespace kiosk::http {

Error network_error(std::string message, std::string code) { return unavailable(std::move(message), std::move(code)); }

namespace {

struct Cause {
  const char* code;
  const char* summary;
};

Cause cause_of(CURLcode curl_code) {
  switch (curl_code) {
    case CURLE_COULDNT_CONNECT:
      return {"connection-refused", "cannot connect (connection refused or no route)"};
    case CURLE_OPERATION_TIMEDOUT:
      return {"timeout", "timed out"};
    case CURLE_COULDNT_RESOLVE_HOST:
      return {"dns", "host name not found"};
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR:
      return {"response-too-large", "response larger than the allowed size"};
    case CURLE_ABORTED_BY_CALLBACK:
      return {"cancelled", "abandoned (the caller is stopping)"};
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return {"wrong-server", "not the server this device was enrolled with (its TLS key differs)"};
    case CURLE_SSL_CONNECT_ERROR:
      return {"tls", "the TLS handshake failed (is it an HTTPS server?)"};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {"bad-url", "malformed or unsupported URL"};
    default:
      return {"transport", "transfer failed"};
  }
}

}  // namespace

Error transfer_error(int curl_code, const std::string& url, const std::string& curl_detail) {
  const auto code = static_cast<CURLcode>(curl_code);
  const Cause cause = cause_of(code);
  std::string message = std::string(cause.summary) + ": " + url;
  message += " (" + (curl_detail.empty() ? std::string(curl_easy_strerror(code)) : curl_detail) + ")";
  return network_error(std::move(message), cause.code);
}

}  // namespace kiosk::http
