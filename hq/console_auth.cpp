// The console's users, logins and sessions (console_auth.h).
#include "hq/console_auth.h"

#include <algorithm>

#include "core/random_id.h"
#include "core/text.h"
#include "hq/console_audit.h"
#include "staff/pin_hash.h"

namespace kiosk::hq {
namespace {

using json = nlohmann::ordered_json;

// argon2id at OWASP's recommended minimum (2 passes over 19 MiB): a login
// costs about 30 ms of one core, and the lockout stops guessing online.
const PinHashCost kPasswordCost{2, 19u * 1024 * 1024};

std::int64_t ms(std::chrono::milliseconds d) { return d.count(); }

// A hash that no password matches, checked when the name is unknown so that
// the answer takes as long as for a known one.
const std::string& dummy_hash() {
  static const std::string hash = hash_pin(new_session_token(), kPasswordCost).value_or("");
  return hash;
}

}  // namespace

bool is_console_role(const std::string& role) { return role == "admin" || role == "manager" || role == "dispatcher"; }

std::optional<std::string> check_password(const std::string& password) {
  if (auto problem = check_single_line("the password", password, 128)) return problem;
  const bool long_pin = password.size() >= 8 &&
                        std::all_of(password.begin(), password.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!long_pin && utf8_length(password).value_or(0) < 10)
    return "the password must have at least 10 characters, or be a PIN of at least 8 digits";
  return std::nullopt;
}

Result<json> add_console_user(HqDb& db, const std::string& name, const std::string& role, const std::string& password,
                              const std::string& actor, EpochMs now) {
  if (auto problem = check_single_line("the user's name", name, 64)) return invalid_argument(*problem);
  if (!is_console_role(role)) return invalid_argument("the role must be admin, manager or dispatcher");
  if (auto problem = check_password(password)) return invalid_argument(*problem);
  const std::optional<std::string> hash = hash_pin(password, kPasswordCost);
  if (!hash) return storage_error("could not hash the password (out of memory)");
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      if (db.first("SELECT 1 FROM console_user WHERE name = ?1", {name}))
        return refused("a user named " + name + " exists already", "duplicate");
      const std::string id = new_uuid();
      db.run("INSERT INTO console_user(id, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
             {id, name, role, *hash, now});
      record_audit(db, now, actor, "user-add", name, json{{"role", role}});
      return json{{"user", id}, {"name", name}, {"role", role}};
    });
  });
}

Result<json> set_console_user_active(HqDb& db, const std::string& name, bool active, const std::string& actor,
                                     EpochMs now) {
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      std::optional<std::string> id;
      db.first("SELECT id FROM console_user WHERE name = ?1", {name}, [&](const SqlRow& row) { id = row.text(0); });
      if (!id) return invalid_argument("HQ has no console user named " + name, "unknown-user");
      db.run("UPDATE console_user SET active = ?2, failed_logins = 0, locked_until = NULL WHERE id = ?1",
             {*id, active ? 1 : 0});
      if (!active) db.run("DELETE FROM console_session WHERE user_id = ?1", {*id});
      record_audit(db, now, actor, active ? "user-enable" : "user-disable", name);
      return json{{"name", name}, {"active", active}};
    });
  });
}

json console_users(HqDb& db) {
  json users = json::array();
  db.each("SELECT id, name, role, active, locked_until FROM console_user ORDER BY name", {}, [&](const SqlRow& row) {
    users.push_back({{"id", row.text(0)},
                     {"name", row.text(1)},
                     {"role", row.text(2)},
                     {"active", row.int64(3) != 0},
                     {"locked_until", row.is_null(4) ? json() : json(row.int64(4))}});
  });
  return users;
}

std::variant<LoggedIn, ApiError> console_login(HqDb& db, const std::string& name, const std::string& password,
                                               const SessionRules& rules, EpochMs now) {
  struct Found {
    ConsoleUser user;
    std::string hash;
    bool active;
    std::int64_t failures;
    std::optional<EpochMs> locked_until;
  };
  std::optional<Found> found;
  db.first(
      "SELECT id, name, role, password_hash, active, failed_logins, locked_until FROM console_user WHERE name = ?1",
      {name}, [&](const SqlRow& row) {
        found = Found{{row.text(0), row.text(1), row.text(2)},
                      row.text(3),
                      row.int64(4) != 0,
                      row.int64(5),
                      row.optional_int64(6)};
      });
  const ApiError wrong{401, "wrong-password", "the name or the password is wrong", {}};
  if (found && found->locked_until && *found->locked_until > now) {
    const int wait_s = int((*found->locked_until - now + 999) / 1000);
    return ApiError{
        429, "locked-out",
        "too many wrong passwords: this user is locked for " + std::to_string((wait_s + 59) / 60) + " more minute(s)",
        wait_s};
  }
  const bool matches = pin_matches(password, found ? found->hash : dummy_hash());
  if (!found || !found->active) return wrong;
  if (!matches) {
    db.write([&] {
      const std::int64_t failures = found->failures + 1;
      const bool lock = failures >= rules.failures_before_lockout;
      db.run("UPDATE console_user SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1",
             {found->user.id, lock ? 0 : failures,
              lock ? std::optional<std::int64_t>(now + ms(rules.lockout)) : std::nullopt});
      if (lock) record_audit(db, now, found->user.name, "locked-out", found->user.name);
      return 0;
    });
    return wrong;
  }
  LoggedIn in{found->user, new_session_token(), new_session_token()};
  db.write([&] {
    db.run("UPDATE console_user SET failed_logins = 0, locked_until = NULL WHERE id = ?1", {found->user.id});
    db.run("DELETE FROM console_session WHERE last_used_at < ?1 OR created_at < ?2",
           {now - ms(rules.idle), now - ms(rules.longest)});
    db.run(
        "INSERT INTO console_session(token_hash, user_id, csrf, created_at, last_used_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        {session_token_hash(in.token), in.user.id, in.csrf, now});
    record_audit(db, now, in.user.name, "login", in.user.name);
    return 0;
  });
  return in;
}

std::variant<Session, ApiError> console_session(HqDb& db, const std::string& token, const SessionRules& rules,
                                                EpochMs now) {
  if (token.empty()) return ApiError{401, "not-logged-in", "log in to the console first", {}};
  std::optional<Session> session;
  EpochMs created = 0, last_used = 0;
  const std::string hash = session_token_hash(token);
  db.first(
      "SELECT u.id, u.name, u.role, s.csrf, s.created_at, s.last_used_at FROM console_session s "
      "JOIN console_user u ON u.id = s.user_id WHERE s.token_hash = ?1 AND u.active = 1",
      {hash}, [&](const SqlRow& row) {
        session = Session{{row.text(0), row.text(1), row.text(2)}, row.text(3)};
        created = row.int64(4);
        last_used = row.int64(5);
      });
  if (!session) return ApiError{401, "not-logged-in", "this session is not known (logged out?); log in again", {}};
  if (now - last_used > ms(rules.idle) || now - created > ms(rules.longest)) {
    db.write([&] { return db.run("DELETE FROM console_session WHERE token_hash = ?1", {hash}); });
    return ApiError{401, "session-expired", "the session has expired; log in again", {}};
  }
  if (now - last_used > 60'000)  // at most one write a minute per session
    db.write([&] { return db.run("UPDATE console_session SET last_used_at = ?2 WHERE token_hash = ?1", {hash, now}); });
  return *session;
}

void console_logout(HqDb& db, const std::string& token) {
  db.write([&] { return db.run("DELETE FROM console_session WHERE token_hash = ?1", {session_token_hash(token)}); });
}

}  // namespace kiosk::hq
