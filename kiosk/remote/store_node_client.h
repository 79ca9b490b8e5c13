// StoreNodeClient: the counter console's and the display's side of the store
// node's LAN API (docs/store-node-api.md) over libcurl. Every call returns the
// answer's JSON or an Error whose `code` is the API's error code
// ("wrong-pin", "refused", "expired-token", "device-not-enrolled",
// "device-revoked"...) or the transport's ("connection-refused", "timeout",
// "wrong-server": the node's key is not the pinned one...), with ErrorKind:
//   InvalidArgument  400/404/405/413: the request was wrong
//   Refused          401/403/409/429: a rule or the session says no
//   Unavailable      the node cannot be reached, is busy (503) or answered nonsense
// Use it from one worker thread (the session token is not locked).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/http_client.h"

namespace kiosk::remote {

using Json = nlohmann::json;

struct StoreNodeClientOptions {
  std::string base_url;  // "https://127.0.0.1:8700"
  // This device's enrolment (remote/node_enrolment.h): sent as X-Device-Token,
  // and the node's key pin every call checks ("wrong-server" when it differs).
  std::string device_token = {};
  std::string node_pin = {};
  std::chrono::milliseconds connect_timeout{1500};
  std::chrono::milliseconds total_timeout{8000};  // long polls add their wait on top
};

class StoreNodeClient {
 public:
  explicit StoreNodeClient(StoreNodeClientOptions options);

  // POST /login; on success later staff calls carry the session token.
  Result<Json> login(std::string_view name, std::string_view pin, int counter);
  Result<Json> logout();
  // Ends the session if there is one; a failure is only logged (the token is forgotten either way).
  void end_session();
  bool logged_in() const { return !token_.empty(); }
  void forget_session() { token_.clear(); }

  Result<Json> me();                                           // GET /devices/me: this device, as the node knows it
  Result<Json> queue();                                        // GET /queue
  Result<Json> events(long long after_seq, int wait_seconds);  // GET /events (long poll)
  // POST /counters/N/ACTION ("call", "recall", "finish"...), body `{}` when none.
  Result<Json> counter_action(int counter, std::string_view action, const Json& body = Json::object());
  Result<Json> reprints();                                // GET /reprints
  Result<Json> reprint_done(std::string_view ticket_id);  // POST /reprints/ID/done (the ticket's id, a UUID)
  Result<Json> products();                                // GET /products: the request form's catalogue and dates
  // POST /requests, or POST /tickets/ID/request when `ticket_id` is not empty.
  Result<Json> create_request(const Json& form, std::string_view ticket_id);

 private:
  Result<Json> start_session(const Json& body);
  Result<Json> send(std::string_view method, const std::string& path, const Json* body,
                    std::chrono::milliseconds extra_wait);

  StoreNodeClientOptions options_;
  http::HttpClient http_;
  std::string token_;
};

// The ErrorKind an API error status maps to (see the table above).
ErrorKind error_kind_for_status(long status);

// The staff member's name in a login answer ({"staff": {"name": ...}}), else the name typed.
std::string staff_name_in(const Json& login_answer, const std::string& typed_name);

}  // namespace kiosk::remote
