// Staff accounts and sessions: SQL on tables staff and staff_session (schema 3).
// Argon2id runs outside any transaction so a login never holds the write lock
// that calls need; the failure count is updated atomically afterwards.
#include "staff/staff_book.h"

#include <algorithm>

#include "core/random_id.h"
#include "core/text.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxNameLength = 40;

bool is_valid_pin(const std::string& pin) {
  return pin.size() >= 4 && pin.size() <= 8 &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Error wrong_pin() { return refused("wrong name or PIN", "wrong-pin"); }

}  // namespace

const char* to_string(StaffRole role) {
  switch (role) {
    case StaffRole::Counter:
      return "counter";
    case StaffRole::Technician:
      return "technician";
    case StaffRole::Admin:
      return "admin";
  }
  return "counter";
}

std::optional<StaffRole> staff_role_from(const std::string& text) {
  for (StaffRole r : {StaffRole::Counter, StaffRole::Technician, StaffRole::Admin})
    if (text == to_string(r)) return r;
  return std::nullopt;
}

Result<StaffMember> StaffBook::add(const std::string& name, const std::string& pin, StaffRole role) {
  if (auto problem = check_single_line("staff name", name, kMaxNameLength)) return invalid_argument(*problem);
  if (name.empty()) return invalid_argument("a staff name cannot be empty");
  if (!is_valid_pin(pin)) return invalid_argument("a PIN is 4 to 8 digits", "bad-pin");
  const std::optional<std::string> hash = hash_pin(pin, policy_.pin_cost);
  if (!hash) return storage_error("not enough memory to hash the PIN");
  return storage_guarded([&]() -> Result<StaffMember> {
    Database& db = store_.db();
    Transaction tx(db);
    // HQ is the one source of staff of a store that syncs with it: a person
    // made here would be unknown there (to assignments, to reports).
    Statement& synced = db.prepare("SELECT 1 FROM sync_state WHERE hq_url <> '' AND device_token <> ''");
    const bool at_hq = synced.step();
    synced.reset();
    if (at_hq)
      return refused("this store syncs with HQ, where its staff are kept: add them there (hq staff add --store " +
                         store_.store_id() + " --name ...); the store takes them at its next sync",
                     "staff-at-hq");
    Statement& exists = db.prepare("SELECT 1 FROM staff WHERE name = ?1");
    exists.bind(1, name);
    const bool taken = exists.step();
    exists.reset();
    if (taken) return invalid_argument("there is already a staff member named \"" + name + "\"", "duplicate-name");
    StaffMember member{new_uuid(), name, role, clock_.now_ms(), false};
    db.prepare("INSERT INTO staff(id, name, role, pin_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, member.id)
        .bind(2, name)
        .bind(3, to_string(role))
        .bind(4, *hash)
        .bind(5, member.created_at)
        .run();
    tx.commit();
    return member;
  });
}

Result<std::vector<StaffMember>> StaffBook::list() {
  return storage_guarded([&]() -> Result<std::vector<StaffMember>> {
    Statement& q = store_.db().prepare(
        "SELECT id, name, role, created_at, coalesce(locked_until, 0) > ?1 FROM staff ORDER BY name");
    q.bind(1, clock_.now_ms());
    std::vector<StaffMember> all;
    while (q.step())
      all.push_back(
          {q.text(0), q.text(1), staff_role_from(q.text(2)).value_or(StaffRole::Counter), q.int64(3), q.int64(4) != 0});
    q.reset();
    return all;
  });
}

std::optional<EpochMs> StaffBook::locked_until(const std::string& name) {
  try {
    Statement& q = store_.db().prepare("SELECT locked_until FROM staff WHERE name = ?1 AND locked_until > ?2");
    q.bind(1, name).bind(2, clock_.now_ms());
    std::optional<EpochMs> until;
    if (q.step()) until = q.int64(0);
    q.reset();
    return until;
  } catch (const SqliteError&) {
    return std::nullopt;
  }
}

Result<StaffSession> StaffBook::login(const std::string& name, const std::string& pin, int counter) {
  return login_at(name, pin, counter);
}

Result<StaffMember> StaffBook::check_pin(const std::string& name, const std::string& pin) {
  Result<StaffSession> checked = login_at(name, pin, std::nullopt, /*open_session=*/false);
  if (!checked) return checked.error();
  return StaffMember{checked.value().staff_id, name, checked.value().role, 0, false};
}

Result<StaffSession> StaffBook::login_at(const std::string& name, const std::string& pin, std::optional<int> counter,
                                         bool open_session) {
  return storage_guarded([&]() -> Result<StaffSession> {
    Database& db = store_.db();
    Statement& q = db.prepare("SELECT id, role, pin_hash, coalesce(locked_until, 0) FROM staff WHERE name = ?1");
    q.bind(1, name);
    if (!q.step()) {
      q.reset();
      return wrong_pin();
    }
    StaffSession session{
        {}, q.text(0), name, staff_role_from(q.text(1)).value_or(StaffRole::Counter), counter.value_or(0), 0};
    const std::string stored_hash = q.text(2);
    const EpochMs locked = q.int64(3);
    q.reset();
    const EpochMs now = clock_.now_ms();
    if (locked > now) return refused(name + " is locked out after repeated wrong PINs; try again later", "locked-out");

    if (counter) {
      Statement& known = db.prepare("SELECT 1 FROM counter WHERE number = ?1");
      known.bind(1, *counter);
      const bool counter_exists = known.step();
      known.reset();
      if (!counter_exists) return invalid_argument("unknown counter " + std::to_string(*counter), "unknown-counter");
    }

    const bool matches = is_valid_pin(pin) && pin_matches(pin, stored_hash);  // slow: outside the transaction
    Transaction tx(db);
    if (!matches) {
      db.prepare(
            "UPDATE staff SET locked_until = CASE WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE locked_until END, "
            "failed_logins = CASE WHEN failed_logins + 1 >= ?2 THEN 0 ELSE failed_logins + 1 END WHERE id = ?1")
          .bind(1, session.staff_id)
          .bind(2, policy_.max_failed_logins)
          .bind(3, now + policy_.lockout_ms)
          .run();
      tx.commit();
      return wrong_pin();
    }
    db.prepare("UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?1").bind(1, session.staff_id).run();
    if (!open_session) {
      tx.commit();
      return session;
    }
    session.token = new_session_token();
    session.expires_at = now + policy_.session_ms;
    db.prepare("DELETE FROM staff_session WHERE expires_at <= ?1").bind(1, now).run();
    db.prepare(
          "INSERT INTO staff_session(token_hash, staff_id, counter, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, "
          "?5)")
        .bind(1, session_token_hash(session.token))
        .bind(2, session.staff_id)
        .bind(3, counter)
        .bind(4, now)
        .bind(5, session.expires_at)
        .run();
    tx.commit();
    return session;
  });
}

Result<StaffSession> StaffBook::authenticate(const std::string& token) {
  return storage_guarded([&]() -> Result<StaffSession> {
    Statement& q = store_.db().prepare(
        "SELECT s.staff_id, f.name, f.role, s.counter, s.expires_at FROM staff_session s JOIN staff f ON f.id = "
        "s.staff_id "
        "WHERE s.token_hash = ?1");
    q.bind(1, session_token_hash(token));
    if (!q.step()) {
      q.reset();
      return refused("not logged in (unknown or ended session)", "invalid-token");
    }
    StaffSession session{{},         q.text(0), q.text(1), staff_role_from(q.text(2)).value_or(StaffRole::Counter),
                         q.int32(3), q.int64(4)};
    q.reset();
    if (session.expires_at <= clock_.now_ms()) return refused("the session has expired; log in again", "expired-token");
    return session;
  });
}

Result<Done> StaffBook::logout(const std::string& token) {
  return storage_guarded([&]() -> Result<Done> {
    Transaction tx(store_.db());
    store_.db().prepare("DELETE FROM staff_session WHERE token_hash = ?1").bind(1, session_token_hash(token)).run();
    tx.commit();
    return Done{};
  });
}

}  // namespace kiosk
