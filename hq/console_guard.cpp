// How every console route runs (console_guard.h).
#include "hq/console_guard.h"

#include <algorithm>
#include <charconv>

#include "codec/api_error.h"
#include "hq/storage_answer.h"
#include "http_server/json_http_server.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;
using http_server::send_api_error;
using http_server::send_json;

bool same_secret(const std::string& a, const std::string& b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ |= static_cast<unsigned char>(a[i] ^ b[i]);
  return differ == 0;
}

// A change must come from the console's own pages: its CSRF token, and an
// Origin (when the browser sends one) of this host.
std::optional<ApiError> csrf_problem(const httplib::Request& req, const std::string& csrf) {
  if (std::optional<ApiError> foreign = foreign_origin(req, "this change")) return foreign;
  if (!same_secret(req.get_header_value("X-CSRF-Token"), csrf))
    return ApiError{403, "csrf", "send the session's X-CSRF-Token with every change", {}};
  return std::nullopt;
}

}  // namespace

std::string session_cookie_token(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kSessionCookie) + "=";
  for (std::size_t start = 0; start < cookies.size();) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    std::size_t first = cookies.find_first_not_of(' ', start);
    if (first != std::string::npos && first < end && cookies.compare(first, key.size(), key) == 0)
      return cookies.substr(first + key.size(), end - first - key.size());
    start = end + 1;
  }
  return {};
}

std::optional<ApiError> foreign_origin(const httplib::Request& req, const std::string& what) {
  const std::string origin = req.get_header_value("Origin"), host = req.get_header_value("Host");
  if (origin.empty() || origin == "http://" + host || origin == "https://" + host) return std::nullopt;
  return ApiError{403, "csrf", what + " comes from another site (Origin " + origin + "); refused", {}};
}

void ConsoleGuard::run(httplib::Response& res, const std::function<void(HqDb&)>& act) const {
  try {
    Result<HqDb*> db = thread_db_();
    if (!db) return send_api_error(res, storage_answer(db.error()));
    act(*db.value());
  } catch (const BadRequest& e) {
    send_api_error(res, {400, e.code(), e.what(), {}});
  } catch (const StorageFailure& e) {
    send_api_error(res, storage_answer(e));
  } catch (const std::exception& e) {
    send_api_error(res, {500, "internal", e.what(), {}});
  }
}

httplib::Server::Handler ConsoleGuard::as(std::vector<std::string> roles, bool change, Act act) const {
  return [this, roles = std::move(roles), change, act = std::move(act)](const httplib::Request& req,
                                                                        httplib::Response& res) {
    run(res, [&](HqDb& db) {
      std::variant<Session, ApiError> session = console_session(db, session_cookie_token(req), rules_, now());
      if (const ApiError* error = std::get_if<ApiError>(&session)) return send_api_error(res, *error);
      const Session& s = std::get<Session>(session);
      if (change)
        if (const std::optional<ApiError> problem = csrf_problem(req, s.csrf)) return send_api_error(res, *problem);
      if (!roles.empty() && std::find(roles.begin(), roles.end(), s.user.role) == roles.end()) {
        std::string needed;
        for (const std::string& r : roles) needed += (needed.empty() ? "" : " or ") + r;
        return send_api_error(
            res, {403, "forbidden", "this needs the role " + needed + " (you are " + s.user.role + ")", {}});
      }
      act(db, s, req, res);
    });
  };
}

std::optional<std::string> query_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

std::int64_t whole_number(const std::string& text, const char* name) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty())
    throw BadRequest("bad-query", std::string(name) + " must be a whole number (got \"" + text + "\")");
  return value;
}

void send_answer(httplib::Response& res, const json& answer) {
  send_json(res, 200, answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void send_answer(httplib::Response& res, const Result<json>& answer) {
  if (!answer) return send_api_error(res, api_error_from(answer.error()));
  send_answer(res, answer.value());
}

void send_answer(httplib::Response& res, const std::variant<json, ApiError>& answer) {
  if (const ApiError* error = std::get_if<ApiError>(&answer)) return send_api_error(res, *error);
  send_answer(res, std::get<json>(answer));
}

}  // namespace kiosk::hq
