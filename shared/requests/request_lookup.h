// "Check my request": a customer types the request code and the last four
// digits of the phone and sees the status timeline, with no personal data.
// Guessing is slowed down: failed attempts are counted per request code and
// per device in the store database (so a restart forgets nothing). Past a few
// free failures each further one blocks that code for a wait that doubles up
// to a cap; a device past its (larger) allowance only pauses a few seconds
// after each failure, so one person's typos never lock the kiosk for the next
// customer while guessing stays at a few tries a minute. While blocked,
// nothing is checked at all. A wrong code and wrong digits give the same
// answer, so codes cannot be probed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/request_model.h"
#include "store/store_db.h"

namespace kiosk {

struct LookupPolicy {
  int free_failures_per_code = 3;
  int free_failures_per_device = 10;  // a shared kiosk sees many customers' typos
  EpochMs first_block_ms = 30'000;    // a code's, then doubling with each further failure
  EpochMs max_block_ms = 15 * 60'000;
  EpochMs device_pause_ms = 5'000;        // a device's, after each failure past its allowance; never grows
  EpochMs forget_after_ms = 60 * 60'000;  // failures older than this no longer count
};

// Whose failures are counted: a request code's, or a device's (a kiosk, a
// phone's network address at HQ).
enum class LookupScope { Code, Device };

// Until when `scope` with `failures` recent failures, the last at
// `last_failure_at`, is refused without a check: a code past its free
// failures for a wait that doubles with each further one up to the cap, a
// device past its allowance for the same short pause each time; before that,
// not at all (the time of the last failure). The rule of the kiosk's lookup
// and of HQ's (hq/public_request_api.h).
EpochMs lookup_blocked_until(const LookupPolicy& policy, LookupScope scope, int failures, EpochMs last_failure_at);

// The typed code as stored ("R7K2-9QX") once it and the last four digits
// have the right form; else "code-format" or "last-four-format" (not counted:
// they cannot match).
Result<std::string> lookup_code(const std::string& typed_code, const std::string& last_four);
// Whether the phone number ends with these four digits.
bool phone_ends_with(const std::string& phone, const std::string& last_four);
// The one answer to a wrong code and to wrong digits alike ("lookup-no-match").
Error lookup_no_match();
// The refusal while blocked ("lookup-slowed-down"), saying how long to wait.
Error lookup_slowed_down(EpochMs blocked_until, EpochMs now);

struct StatusStep {
  RequestState state = RequestState::Received;
  EpochMs at = 0;
};

// What the customer sees: no name, phone, address or notes.
struct RequestStatus {
  std::string code;
  RequestKind kind = RequestKind::Repair;
  std::string product;
  std::string problem;
  RequestState state = RequestState::Received;
  std::string scheduled_date;  // "scheduled for", once scheduled
  std::optional<TimeWindow> scheduled_window;
  std::vector<StatusStep> timeline;  // oldest first
  bool rated = false;                // the request has its rating (one per request)
};

class RequestLookup {
 public:
  RequestLookup(StoreDb& store, const Clock& clock, LookupPolicy policy = {})
      : store_(store), clock_(clock), policy_(policy) {}

  // `device` names where the attempt comes from (a kiosk's id, a client address).
  // Error codes: "code-format", "last-four-format" (not counted: they cannot
  // match), "lookup-no-match" (counted), "lookup-slowed-down" (Refused; the
  // message says how long to wait).
  Result<RequestStatus> status(const std::string& typed_code, const std::string& last_four, const std::string& device);

 private:
  StoreDb& store_;
  const Clock& clock_;
  LookupPolicy policy_;
};

}  // namespace kiosk
