// Staff accounts and their sessions in the store database: PINs kept as
// argon2id hashes, a lockout after repeated wrong PINs, and session tokens
// (only their hash stored) that expire and are bound to one counter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "staff/pin_hash.h"
#include "store/store_db.h"

namespace kiosk {

enum class StaffRole { Counter, Technician, Admin };
const char* to_string(StaffRole role);
std::optional<StaffRole> staff_role_from(const std::string& text);

struct StaffMember {
  std::string id;
  std::string name;
  StaffRole role = StaffRole::Counter;
  EpochMs created_at = 0;
  bool locked = false;  // at the time it was read
};

struct StaffSession {
  std::string token;  // only in the answer to a login; never stored
  std::string staff_id;
  std::string staff_name;
  StaffRole role = StaffRole::Counter;
  int counter = 0;  // the only counter this session may act for
  EpochMs expires_at = 0;
};

struct StaffPolicy {
  int max_failed_logins = 5;              // consecutive wrong PINs before a lockout
  EpochMs lockout_ms = 5 * 60 * 1000;     // how long a locked account stays locked
  EpochMs session_ms = 12 * 3600 * 1000;  // a session lasts one working day at most
  PinHashCost pin_cost = PinHashCost::for_store();
};

// Error codes (Error::code) a caller can tell apart: "bad-pin" (not 4-8
// digits), "duplicate-name", "wrong-pin" (also for an unknown name), "locked-out",
// "unknown-counter", "invalid-token", "expired-token".
class StaffBook {
 public:
  StaffBook(StoreDb& store, const Clock& clock, StaffPolicy policy = {})
      : store_(store), clock_(clock), policy_(policy) {}

  // Refused ("staff-at-hq") in a store that syncs with HQ: HQ keeps its staff.
  Result<StaffMember> add(const std::string& name, const std::string& pin, StaffRole role);
  Result<std::vector<StaffMember>> list();

  // A wrong PIN counts towards the lockout; a right one resets the count. A
  // locked account refuses even the right PIN until the lockout ends.
  Result<StaffSession> login(const std::string& name, const std::string& pin, int counter);
  // The same PIN check and lockout without opening a session, for any role
  // (the customer kiosk's admin screen, opened on the spot by staff).
  Result<StaffMember> check_pin(const std::string& name, const std::string& pin);
  Result<StaffSession> authenticate(const std::string& token);
  Result<Done> logout(const std::string& token);

  // When a locked account may try again (for Retry-After), if it is locked.
  std::optional<EpochMs> locked_until(const std::string& name);

 private:
  Result<StaffSession> login_at(const std::string& name, const std::string& pin, std::optional<int> counter,
                                bool open_session = true);

  StoreDb& store_;
  const Clock& clock_;
  StaffPolicy policy_;
};

}  // namespace kiosk
