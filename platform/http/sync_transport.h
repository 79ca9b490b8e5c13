// The sync client's transport (shared/sync/sync_session.h) over HttpClient:
// libcurl with the protocol's timeouts (connect 5 s, abandon a transfer slower
// than 16 bytes/s for 15 s, 60 s at most), the device token as a bearer token,
// gzip uploads marked Content-Encoding: gzip, the round's headers (the store's
// health report) on every request, Retry-After and the bytes on the wire passed
// on; optionally a flag that abandons the request on the wire.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "http/http_client.h"
#include "sync/sync_session.h"

namespace kiosk::http {

class HttpSyncTransport final : public SyncTransport {
 public:
  // `cancel`, when given: set, the request on the wire is abandoned (a sync worker that stops).
  HttpSyncTransport(const std::string& hq_url, const std::string& device_token,
                    const std::atomic<bool>* cancel = nullptr)
      : client_(HttpClientOptions{hq_url, device_token, std::chrono::milliseconds(5000),
                                  std::chrono::milliseconds(60000), 16, std::chrono::seconds(15), 8 * 1024 * 1024}),
        cancel_(cancel) {}

  Result<TransportResponse> get(const std::string& path, const HeaderFields& headers) override {
    return convert(client_.get(path, with(headers)));
  }
  Result<TransportResponse> post_gzip_json(const std::string& path, const std::string& gzip_body,
                                           const HeaderFields& headers) override {
    RequestOptions request = with(headers);
    request.content_encoding = "gzip";
    return convert(client_.post_json(path, gzip_body, request));
  }

 private:
  RequestOptions with(const HeaderFields& headers) const {
    RequestOptions request;
    for (const HeaderField& h : headers) request.headers.emplace_back(h.name, h.value);
    request.cancel = cancel_;
    return request;
  }
  static Result<TransportResponse> convert(Result<HttpResponse> response) {
    if (!response) return response.error();
    HttpResponse& r = response.value();
    return TransportResponse{r.status, std::move(r.body), r.retry_after_s, r.wire_bytes_sent + r.wire_bytes_received};
  }
  HttpClient client_;
  const std::atomic<bool>* cancel_;
};

}  // namespace kiosk::http
