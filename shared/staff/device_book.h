// The devices enrolled with the store node (counters, displays) and the
// one-time codes that enrol them, in the store database (schema 15;
// docs/store-node-api.md "TLS and enrolled devices"). A code is 6 digits,
// valid 5 minutes, used once; 5 wrong codes within 10 minutes void every open
// code. A device's token is 32 random bytes; like the codes, only its hash is
// stored. No network here: the node's routes, the kiosk's staff screen and
// kioskctl all call this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

enum class DeviceKind { Counter, Display, Other };
const char* to_string(DeviceKind kind);
std::optional<DeviceKind> device_kind_from(const std::string& text);

struct EnrolledDevice {
  std::string id;
  std::string name;
  DeviceKind kind = DeviceKind::Other;
  EpochMs enrolled_at = 0;
  std::optional<EpochMs> last_seen_at;  // updated at most once a minute
  std::optional<EpochMs> revoked_at;
};

struct EnrolCode {
  std::string code;  // 6 digits; only in this answer, never stored
  std::string label;
  EpochMs expires_at = 0;
};

struct Enrolment {
  EnrolledDevice device;
  std::string token;  // only in this answer, never stored
};

struct DevicePolicy {
  EpochMs code_valid_ms = 5 * 60 * 1000;
  int max_wrong_codes = 5;  // within wrong_code_window_ms: every open code is voided
  EpochMs wrong_code_window_ms = 10 * 60 * 1000;
  EpochMs last_seen_step_ms = 60 * 1000;  // last_seen_at is written at most this often
};

// Error codes (Error::code): "bad-field" (name or kind), "enrol-code-wrong",
// "enrol-code-expired", "enrol-code-used", "enrol-code-voided",
// "device-not-enrolled", "device-revoked", "unknown-device".
class DeviceBook {
 public:
  DeviceBook(StoreDb& store, const Clock& clock, DevicePolicy policy = {})
      : store_(store), clock_(clock), policy_(policy) {}

  // A new one-time code; `label` (up to 80 characters, may be empty) names the device it enrols.
  Result<EnrolCode> issue_code(const std::string& label);
  // Uses `code` to enrol a device; its name is the code's label, else `name`.
  // A wrong code counts towards voiding every open code.
  Result<Enrolment> enrol(const std::string& code, DeviceKind kind, const std::string& name);
  // The device a token belongs to, if enrolled and not revoked.
  Result<EnrolledDevice> authenticate(const std::string& token);
  // Every device ever enrolled, newest first (revoked ones too).
  Result<std::vector<EnrolledDevice>> list();
  // Its next call is refused ("device-revoked"). Revoking a revoked device is a no-op.
  Result<EnrolledDevice> revoke(const std::string& device_id);
  // Codes issued and not yet used, expired or voided (the staff screen shows them).
  Result<int> open_codes();

 private:
  StoreDb& store_;
  const Clock& clock_;
  DevicePolicy policy_;
};

}  // namespace kiosk
