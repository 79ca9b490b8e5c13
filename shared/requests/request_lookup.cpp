// The customer's status lookup and its attempt counters (see request_lookup.h).
#include "requests/request_lookup.h"

#include <algorithm>

#include "requests/request_code.h"
#include "requests/request_rating.h"
#include "requests/request_rows.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

struct Attempts {
  int failures = 0;
  EpochMs last_failure_at = 0;
  EpochMs blocked_until = 0;
};

Attempts attempts_of(Database& db, const std::string& key) {
  Statement& q =
      db.prepare("SELECT failures, last_failure_at, blocked_until FROM request_lookup_attempt WHERE key = ?1");
  q.bind(1, key);
  Attempts a;
  if (q.step()) a = {q.int32(0), q.int64(1), q.int64(2)};
  q.reset();
  return a;
}

// Counts one failure against `key` of `scope`, blocking it as the policy says.
void count_failure(Database& db, const std::string& key, LookupScope scope, const LookupPolicy& policy, EpochMs now) {
  Attempts a = attempts_of(db, key);
  if (now - a.last_failure_at > policy.forget_after_ms) a.failures = 0;
  a.failures += 1;
  a.last_failure_at = now;
  a.blocked_until = lookup_blocked_until(policy, scope, a.failures, now);
  db.prepare(
        "INSERT INTO request_lookup_attempt(key, failures, last_failure_at, blocked_until) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(key) DO UPDATE SET failures = ?2, last_failure_at = ?3, blocked_until = ?4")
      .bind(1, key)
      .bind(2, a.failures)
      .bind(3, a.last_failure_at)
      .bind(4, a.blocked_until)
      .run();
  // Keys no longer blocked whose failures are forgotten hold nothing: without
  // this, every guessed code and passing device would keep a row for good.
  db.prepare("DELETE FROM request_lookup_attempt WHERE last_failure_at < ?1 AND blocked_until <= ?2")
      .bind(1, now - policy.forget_after_ms)
      .bind(2, now)
      .run();
}

RequestStatus status_of(Database& db, const Request& r, const std::vector<RequestEvent>& events) {
  RequestStatus s{
      r.code, r.kind, r.product, r.problem, r.state, r.scheduled_date, r.scheduled_window, {}, is_rated(db, r.id)};
  for (const RequestEvent& e : events) s.timeline.push_back({e.to, e.at});
  return s;
}

}  // namespace

EpochMs lookup_blocked_until(const LookupPolicy& policy, LookupScope scope, int failures, EpochMs last_failure_at) {
  const int free_failures =
      scope == LookupScope::Code ? policy.free_failures_per_code : policy.free_failures_per_device;
  if (failures < free_failures) return last_failure_at;
  const int past = failures - free_failures;
  const EpochMs block = scope == LookupScope::Code
                            ? std::min(policy.max_block_ms, policy.first_block_ms << std::min(past, 20))
                            : policy.device_pause_ms;
  return last_failure_at + block;
}

Result<std::string> lookup_code(const std::string& typed_code, const std::string& last_four) {
  std::optional<std::string> code = normalize_request_code(typed_code);
  if (!code) return invalid_argument("\"" + typed_code + "\" is not a request code (such as R7K2-9QX)", "code-format");
  const bool digits = last_four.size() == 4 &&
                      std::all_of(last_four.begin(), last_four.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return invalid_argument("enter the last four digits of the phone number", "last-four-format");
  return std::move(*code);
}

bool phone_ends_with(const std::string& phone, const std::string& last_four) {
  return phone.size() >= 4 && phone.compare(phone.size() - 4, 4, last_four) == 0;
}

Error lookup_no_match() { return invalid_argument("no request matches this code and phone number", "lookup-no-match"); }

Error lookup_slowed_down(EpochMs blocked_until, EpochMs now) {
  return refused(
      "too many wrong attempts; try again in " + std::to_string((blocked_until - now + 999) / 1000) + " seconds",
      "lookup-slowed-down");
}

Result<RequestStatus> RequestLookup::status(const std::string& typed_code, const std::string& last_four,
                                            const std::string& device) {
  const Result<std::string> checked = lookup_code(typed_code, last_four);
  if (!checked) return checked.error();
  const std::string& code = checked.value();
  return storage_guarded([&]() -> Result<RequestStatus> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    const std::string code_key = "code:" + code, device_key = "device:" + device;
    Transaction tx(db);
    const EpochMs blocked_until =
        std::max(attempts_of(db, code_key).blocked_until, attempts_of(db, device_key).blocked_until);
    if (blocked_until > now) return lookup_slowed_down(blocked_until, now);
    const std::optional<Request> found = request_rows::find_by_code(db, code);
    if (!found || !phone_ends_with(found->phone, last_four)) {
      if (found) count_failure(db, code_key, LookupScope::Code, policy_, now);
      count_failure(db, device_key, LookupScope::Device, policy_, now);
      tx.commit();
      return lookup_no_match();
    }
    db.prepare("DELETE FROM request_lookup_attempt WHERE key = ?1").bind(1, code_key).run();
    RequestStatus status = status_of(db, *found, request_rows::events_of(db, found->id));
    tx.commit();
    return status;
  });
}

}  // namespace kiosk
