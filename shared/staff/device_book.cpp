// Enrolled devices and enrolment codes: SQL on device, device_enrol_code and
// device_enrol_failure (schema 15). Codes and tokens are kept as hashes
// (staff/pin_hash.h's BLAKE2b), like staff sessions.
#include "staff/device_book.h"

#include "core/random_id.h"
#include "core/text.h"
#include "staff/pin_hash.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr std::size_t kCodeDigits = 6, kMaxNameLength = 80;

bool is_code(const std::string& code) {
  if (code.size() != kCodeDigits) return false;
  for (char c : code)
    if (c < '0' || c > '9') return false;
  return true;
}

Error not_enrolled() {
  return refused("this device is not enrolled with the store node: enter a code from the kiosk's staff screen",
                 "device-not-enrolled");
}

constexpr const char* kDeviceColumns = "id, name, kind, enrolled_at, last_seen_at, revoked_at";

EnrolledDevice device_from(const Statement& q) {
  return EnrolledDevice{q.text(0),  q.text(1),           device_kind_from(q.text(2)).value_or(DeviceKind::Other),
                        q.int64(3), q.optional_int64(4), q.optional_int64(5)};
}

}  // namespace

const char* to_string(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::Counter:
      return "counter";
    case DeviceKind::Display:
      return "display";
    case DeviceKind::Other:
      return "other";
  }
  return "other";
}

std::optional<DeviceKind> device_kind_from(const std::string& text) {
  for (DeviceKind k : {DeviceKind::Counter, DeviceKind::Display, DeviceKind::Other})
    if (text == to_string(k)) return k;
  return std::nullopt;
}

Result<EnrolCode> DeviceBook::issue_code(const std::string& label) {
  if (!label.empty())
    if (auto problem = check_single_line("a device's label", label, kMaxNameLength))
      return invalid_argument(*problem, "bad-field");
  return storage_transaction(store_.db(), [&]() -> Result<EnrolCode> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    db.prepare("DELETE FROM device_enrol_code WHERE expires_at < ?1 AND used_at IS NULL").bind(1, now - 86400000).run();
    for (int attempt = 0; attempt < 20; ++attempt) {
      EnrolCode code{random_digits(kCodeDigits), label, now + policy_.code_valid_ms};
      Statement& taken = db.prepare("SELECT 1 FROM device_enrol_code WHERE code_hash = ?1");
      taken.bind(1, session_token_hash(code.code));
      const bool exists = taken.step();
      taken.reset();
      if (exists) continue;  // an old code with the same digits: draw again
      db.prepare("INSERT INTO device_enrol_code(code_hash, label, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)")
          .bind(1, session_token_hash(code.code))
          .bind(2, label)
          .bind(3, now)
          .bind(4, code.expires_at)
          .run();
      return code;
    }
    return storage_error("could not draw an unused enrolment code");
  });
}

Result<Enrolment> DeviceBook::enrol(const std::string& code, DeviceKind kind, const std::string& name) {
  if (auto problem = check_single_line("a device's name", name, kMaxNameLength))
    return invalid_argument(*problem, "bad-field");
  return storage_guarded([&]() -> Result<Enrolment> {
    Database& db = store_.db();
    Transaction tx(db);
    const EpochMs now = clock_.now_ms();
    Statement& q = db.prepare(
        "SELECT label, expires_at, used_at IS NOT NULL, voided_at IS NOT NULL FROM device_enrol_code WHERE code_hash "
        "= ?1");
    q.bind(1, session_token_hash(code));
    const bool found = is_code(code) && q.step();
    const std::string label = found ? q.text(0) : "";
    const EpochMs expires_at = found ? q.int64(1) : 0;
    const bool used = found && q.int64(2) != 0, voided = found && q.int64(3) != 0;
    q.reset();
    if (!found) {
      // A wrong guess counts; enough of them void every open code.
      db.prepare("DELETE FROM device_enrol_failure WHERE at <= ?1").bind(1, now - policy_.wrong_code_window_ms).run();
      db.prepare("INSERT INTO device_enrol_failure(at) VALUES (?1)").bind(1, now).run();
      Statement& failures = db.prepare("SELECT count(*) FROM device_enrol_failure");
      failures.step();
      const std::int64_t wrong = failures.int64(0);
      failures.reset();
      if (wrong >= policy_.max_wrong_codes) {
        db.prepare("UPDATE device_enrol_code SET voided_at = ?1 WHERE used_at IS NULL AND voided_at IS NULL")
            .bind(1, now)
            .run();
        db.exec("DELETE FROM device_enrol_failure");
      }
      tx.commit();
      return refused("no such enrolment code: check the 6 digits on the kiosk's staff screen", "enrol-code-wrong");
    }
    if (used) return refused("this code was used already: ask staff for a new one", "enrol-code-used");
    if (voided)
      return refused("too many wrong codes were tried, so every open code was cancelled: ask staff for a new one",
                     "enrol-code-voided");
    if (expires_at <= now) return refused("this code has expired: ask staff for a new one", "enrol-code-expired");

    Enrolment enrolment{EnrolledDevice{new_uuid(), label.empty() ? name : label, kind, now, std::nullopt, std::nullopt},
                        new_session_token()};
    db.prepare("INSERT INTO device(id, name, kind, token_hash, enrolled_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, enrolment.device.id)
        .bind(2, enrolment.device.name)
        .bind(3, std::string(to_string(kind)))
        .bind(4, session_token_hash(enrolment.token))
        .bind(5, now)
        .run();
    db.prepare("UPDATE device_enrol_code SET used_at = ?2, device_id = ?3 WHERE code_hash = ?1")
        .bind(1, session_token_hash(code))
        .bind(2, now)
        .bind(3, enrolment.device.id)
        .run();
    tx.commit();
    return enrolment;
  });
}

Result<EnrolledDevice> DeviceBook::authenticate(const std::string& token) {
  if (token.empty()) return not_enrolled();
  return storage_guarded([&]() -> Result<EnrolledDevice> {
    Database& db = store_.db();
    Statement& q = db.prepare(std::string("SELECT ") + kDeviceColumns + " FROM device WHERE token_hash = ?1");
    q.bind(1, session_token_hash(token));
    if (!q.step()) {
      q.reset();
      return not_enrolled();
    }
    EnrolledDevice device = device_from(q);
    q.reset();
    if (device.revoked_at)
      return refused("this device was revoked at the store node: enrol it again with a new code", "device-revoked");
    const EpochMs now = clock_.now_ms();
    if (!device.last_seen_at || now - *device.last_seen_at >= policy_.last_seen_step_ms) {
      try {  // only a note for the staff screen: a busy or full store does not refuse the device
        db.prepare("UPDATE device SET last_seen_at = ?2 WHERE id = ?1").bind(1, device.id).bind(2, now).run();
        device.last_seen_at = now;
      } catch (const SqliteError&) {
      }
    }
    return device;
  });
}

Result<std::vector<EnrolledDevice>> DeviceBook::list() {
  return storage_guarded([&]() -> Result<std::vector<EnrolledDevice>> {
    Statement& q =
        store_.db().prepare(std::string("SELECT ") + kDeviceColumns + " FROM device ORDER BY enrolled_at DESC, id");
    std::vector<EnrolledDevice> devices;
    while (q.step()) devices.push_back(device_from(q));
    q.reset();
    return devices;
  });
}

Result<EnrolledDevice> DeviceBook::revoke(const std::string& device_id) {
  return storage_transaction(store_.db(), [&]() -> Result<EnrolledDevice> {
    Database& db = store_.db();
    db.prepare("UPDATE device SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")
        .bind(1, device_id)
        .bind(2, clock_.now_ms())
        .run();
    Statement& q = db.prepare(std::string("SELECT ") + kDeviceColumns + " FROM device WHERE id = ?1");
    q.bind(1, device_id);
    if (!q.step()) {
      q.reset();
      return invalid_argument("no device " + device_id + " (kioskctl device list names them)", "unknown-device");
    }
    EnrolledDevice device = device_from(q);
    q.reset();
    return device;
  });
}

Result<int> DeviceBook::open_codes() {
  return storage_guarded([&]() -> Result<int> {
    Statement& q = store_.db().prepare(
        "SELECT count(*) FROM device_enrol_code WHERE used_at IS NULL AND voided_at IS NULL AND expires_at > ?1");
    q.bind(1, clock_.now_ms());
    q.step();
    const int open = q.int32(0);
    q.reset();
    return open;
  });
}

}  // namespace kiosk
