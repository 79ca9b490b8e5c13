// One webhook POST per SMS (sms_gateway.h).
#include "hq/sms_gateway.h"

#include <nlohmann/json.hpp>

namespace kiosk::hq {
namespace {

constexpr std::size_t kMaxAnswerBytes = 64 * 1024, kMaxDetailBytes = 200;

http::HttpClientOptions options_for(const std::string& url) {
  http::HttpClientOptions options;
  options.base_url = url;
  options.connect_timeout = std::chrono::milliseconds(5000);
  options.total_timeout = std::chrono::milliseconds(10000);
  options.max_response_bytes = kMaxAnswerBytes;
  return options;
}

// The start of a gateway's answer for last_error: printable ASCII only (the
// database takes no broken UTF-8), others as '?'.
std::string printable_start(const std::string& body) {
  std::string out = body.substr(0, kMaxDetailBytes);
  for (char& c : out)
    if (c < ' ' || c > '~') c = '?';
  return out;
}

}  // namespace

SmsVerdict sms_verdict(long status) {
  if (status >= 200 && status < 300) return SmsVerdict::Sent;
  if (status == 429 || status >= 500) return SmsVerdict::Retry;
  return SmsVerdict::Failed;
}

SmsGateway::SmsGateway(std::string url, std::string user, std::string password, const std::atomic<bool>* cancel)
    : url_(std::move(url)),
      user_(std::move(user)),
      password_(std::move(password)),
      cancel_(cancel),
      client_(options_for(url_)) {}

SmsAttempt SmsGateway::send(const std::string& id, const std::string& to, const std::string& text) {
  http::RequestOptions request;
  request.basic_user = user_;
  request.basic_password = password_;
  request.cancel = cancel_;
  const std::string body = nlohmann::ordered_json{{"to", to}, {"text", text}, {"id", id}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  Result<http::HttpResponse> answer = client_.post_json("", body, request);
  if (!answer) return {SmsVerdict::Retry, answer.error().code + ": " + answer.error().message, std::nullopt};
  const http::HttpResponse& r = answer.value();
  const SmsVerdict verdict = sms_verdict(r.status);
  if (verdict == SmsVerdict::Sent) return {verdict, "", std::nullopt};
  return {verdict, "HTTP " + std::to_string(r.status) + ": " + printable_start(r.body), r.retry_after_s};
}

}  // namespace kiosk::hq
