// The SMS gateway's webhook (docs/public-pages.md, "SMS reminders"): one POST
// of {"to", "text", "id"} as JSON per message through libcurl, with Basic
// authentication when a user is set and a 10 s timeout; what the answer means
// for the message: sent (2xx), failed for good (another status, but 429), or
// try again later (429, 5xx, no answer).
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "http/http_client.h"

namespace kiosk::hq {

enum class SmsVerdict { Sent, Failed, Retry };

struct SmsAttempt {
  SmsVerdict verdict;
  std::string detail;                 // "HTTP 500: ...", "timeout: ..." for last_error; "" when sent
  std::optional<long> retry_after_s;  // the gateway's Retry-After, when it sent one
};

// What an HTTP status from the gateway means.
SmsVerdict sms_verdict(long status);

class SmsGateway {
 public:
  // `cancel`: set, a request on the wire is abandoned within about a second.
  SmsGateway(std::string url, std::string user, std::string password, const std::atomic<bool>* cancel);

  bool is(const std::string& url, const std::string& user, const std::string& password) const {
    return url == url_ && user == user_ && password == password_;
  }
  SmsAttempt send(const std::string& id, const std::string& to, const std::string& text);

 private:
  std::string url_, user_, password_;
  const std::atomic<bool>* cancel_;
  http::HttpClient client_;
};

}  // namespace kiosk::hq
