// Who may use HQ's console: its users (admin, manager, dispatcher), their
// passwords (argon2id), logins with a lockout after repeated failures, and
// sessions that end after 30 idle minutes or 12 hours. A session is a random
// token in an HttpOnly cookie (only its hash is stored) with a CSRF token that
// every change must send back. docs/hq-console.md ("Users and sessions").
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "codec/api_json.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

struct ConsoleUser {
  std::string id, name, role;
};

struct SessionRules {
  std::chrono::minutes idle{30};
  std::chrono::hours longest{12};
  int failures_before_lockout = 5;
  std::chrono::minutes lockout{15};
};

// "admin" | "manager" | "dispatcher"
bool is_console_role(const std::string& role);

// A message when `password` is not acceptable: 10 to 128 characters, or a PIN
// of 8 or more digits; one line of valid UTF-8.
std::optional<std::string> check_password(const std::string& password);

// `hq user add|disable|list` (audited with the actor "cli" or the admin).
Result<nlohmann::ordered_json> add_console_user(HqDb& db, const std::string& name, const std::string& role,
                                                const std::string& password, const std::string& actor, EpochMs now);
Result<nlohmann::ordered_json> set_console_user_active(HqDb& db, const std::string& name, bool active,
                                                       const std::string& actor, EpochMs now);
nlohmann::ordered_json console_users(HqDb& db);

struct LoggedIn {
  ConsoleUser user;
  std::string token;  // for the cookie; never stored
  std::string csrf;
};

// Checks a name and password. Error statuses: 401 wrong-password (an unknown
// name answers the same, after the same work), 429 locked-out with
// Retry-After, 400 for a missing field.
std::variant<LoggedIn, ApiError> console_login(HqDb& db, const std::string& name, const std::string& password,
                                               const SessionRules& rules, EpochMs now);

struct Session {
  ConsoleUser user;
  std::string csrf;
};

// The session of a cookie's token, its use noted; 401 not-logged-in or
// session-expired otherwise.
std::variant<Session, ApiError> console_session(HqDb& db, const std::string& token, const SessionRules& rules,
                                                EpochMs now);
void console_logout(HqDb& db, const std::string& token);

}  // namespace kiosk::hq
