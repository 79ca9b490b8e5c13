// StoreNodeClient: typed calls of the store node's API and the mapping of its
// JSON errors and transport failures onto Result errors.
#include "remote/store_node_client.h"

#include <cstdio>
#include <utility>

namespace kiosk::remote {

ErrorKind error_kind_for_status(long status) {
  switch (status) {
    case 401:
    case 403:
    case 409:
    case 429:
      return ErrorKind::Refused;
    case 400:
    case 404:
    case 405:
    case 413:
      return ErrorKind::InvalidArgument;
    default:
      return ErrorKind::Unavailable;  // 5xx and anything unexpected: try again later
  }
}

namespace {

http::HttpClientOptions http_options(const StoreNodeClientOptions& options) {
  http::HttpClientOptions http;
  http.base_url = options.base_url + "/api/v1";
  http.connect_timeout = options.connect_timeout;
  http.total_timeout = options.total_timeout;
  http.pinned_public_key = options.node_pin;
  return http;
}

Result<Json> decode(const http::HttpResponse& response, std::string_view what) {
  Json body = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (response.status == 200) {
    if (body.is_object()) return body;
    return unavailable("the store node's answer to " + std::string(what) + " is not a JSON object", "bad-answer");
  }
  std::string code = "http-" + std::to_string(response.status), message;
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const Json& error = body["error"];
    if (error.contains("code") && error["code"].is_string()) code = error["code"].get<std::string>();
    if (error.contains("message") && error["message"].is_string()) message = error["message"].get<std::string>();
  }
  if (message.empty())
    message = "the store node answered " + std::to_string(response.status) + " to " + std::string(what);
  return Error{error_kind_for_status(response.status), std::move(message), std::move(code)};
}

}  // namespace

StoreNodeClient::StoreNodeClient(StoreNodeClientOptions options)
    : options_(std::move(options)), http_(http_options(options_)) {}

Result<Json> StoreNodeClient::send(std::string_view method, const std::string& path, const Json* body,
                                   std::chrono::milliseconds extra_wait) {
  http::RequestOptions request;
  request.bearer_token = token_;
  if (!options_.device_token.empty()) request.headers.emplace_back("X-Device-Token", options_.device_token);
  if (extra_wait.count() > 0) request.total_timeout = options_.total_timeout + extra_wait;
  Result<http::HttpResponse> response =
      method == "GET" ? http_.get(path, request) : http_.post_json(path, body ? body->dump() : "{}", request);
  if (!response) return response.error();
  return decode(response.value(), std::string(method) + " " + path);
}

Result<Json> StoreNodeClient::login(std::string_view name, std::string_view pin, int counter) {
  return start_session({{"name", name}, {"pin", pin}, {"counter", counter}});
}

Result<Json> StoreNodeClient::start_session(const Json& body) {
  Result<Json> answer = send("POST", "/login", &body, {});
  if (answer && answer.value().contains("token") && answer.value()["token"].is_string())
    token_ = answer.value()["token"].get<std::string>();
  return answer;
}

Result<Json> StoreNodeClient::logout() {
  Result<Json> answer = send("POST", "/logout", nullptr, {});
  token_.clear();
  return answer;
}

Result<Json> StoreNodeClient::me() { return send("GET", "/devices/me", nullptr, {}); }

Result<Json> StoreNodeClient::queue() { return send("GET", "/queue", nullptr, {}); }

Result<Json> StoreNodeClient::events(long long after_seq, int wait_seconds) {
  return send("GET", "/events?after=" + std::to_string(after_seq) + "&wait=" + std::to_string(wait_seconds), nullptr,
              std::chrono::seconds(wait_seconds));
}

Result<Json> StoreNodeClient::counter_action(int counter, std::string_view action, const Json& body) {
  return send("POST", "/counters/" + std::to_string(counter) + "/" + std::string(action), &body, {});
}

Result<Json> StoreNodeClient::reprints() { return send("GET", "/reprints", nullptr, {}); }

Result<Json> StoreNodeClient::reprint_done(std::string_view ticket_id) {
  return send("POST", "/reprints/" + std::string(ticket_id) + "/done", nullptr, {});
}

Result<Json> StoreNodeClient::products() { return send("GET", "/products", nullptr, {}); }

Result<Json> StoreNodeClient::create_request(const Json& form, std::string_view ticket_id) {
  return send("POST", ticket_id.empty() ? "/requests" : "/tickets/" + std::string(ticket_id) + "/request", &form, {});
}

void StoreNodeClient::end_session() {
  if (!logged_in()) return;
  Result<Json> answer = logout();
  if (!answer) std::fprintf(stderr, "kiosk: logout: %s\n", answer.error().message.c_str());
}

std::string staff_name_in(const Json& login_answer, const std::string& typed_name) {
  const Json& staff = login_answer.value("staff", Json::object());
  return staff.is_object() && staff.contains("name") && staff["name"].is_string() ? staff["name"].get<std::string>()
                                                                                  : typed_name;
}

}  // namespace kiosk::remote
