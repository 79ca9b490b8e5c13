// How every route of the console's API runs (docs/hq-console.md): on this
// handler thread's database, for the session of the request's cookie, with
// the CSRF check on a change and the route's roles (403 otherwise); every
// failure becomes a JSON error. Also the small readers the routes share.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/console_auth.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

class ConsoleGuard {
 public:
  using ThreadDb = std::function<Result<HqDb*>()>;  // this handler thread's connection
  using Act = std::function<void(HqDb&, const Session&, const httplib::Request&, httplib::Response&)>;

  ConsoleGuard(ThreadDb thread_db, const Clock& clock, SessionRules rules)
      : thread_db_(std::move(thread_db)), clock_(clock), rules_(rules) {}

  // Runs `act` with this thread's database, without a session (the login).
  void run(httplib::Response& res, const std::function<void(HqDb&)>& act) const;
  // A handler for a logged-in user of one of `roles` (any role when empty);
  // a `change` must also pass the CSRF check.
  httplib::Server::Handler as(std::vector<std::string> roles, bool change, Act act) const;

  const Clock& clock() const { return clock_; }
  EpochMs now() const { return clock_.now_ms(); }
  const SessionRules& rules() const { return rules_; }

 private:
  ThreadDb thread_db_;
  const Clock& clock_;
  SessionRules rules_;
};

// The session cookie's name and the token it carries ("" without one).
inline constexpr const char* kSessionCookie = "hq_session";
std::string session_cookie_token(const httplib::Request& req);

// A request from another site's page (its Origin is not this host): the message, or nullopt.
std::optional<ApiError> foreign_origin(const httplib::Request& req, const std::string& what);

std::optional<std::string> query_param(const httplib::Request& req, const char* name);
// A query parameter that must be a whole number; BadRequest naming it otherwise.
std::int64_t whole_number(const std::string& text, const char* name);

// 200 with the JSON (text that is not UTF-8 replaced), or the error as its
// status (codec/api_error.h).
void send_answer(httplib::Response& res, const nlohmann::ordered_json& answer);
void send_answer(httplib::Response& res, const Result<nlohmann::ordered_json>& answer);
void send_answer(httplib::Response& res, const std::variant<nlohmann::ordered_json, ApiError>& answer);

}  // namespace kiosk::hq
