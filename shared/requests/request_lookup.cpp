// The customer's status lookup and its attempt counters (see request_lookup.h).
#include "requests/request_lookup.h"

#include <algorithm>
#include <functional>

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

// How long a key past its free failures is blocked after its `failures`-th.
using BlockRule = std::function<EpochMs(int failures_past_free)>;

// Counts one failure against `key`; blocks it by `block` once past `free_failures`.
void count_failure(Database& db, const std::string& key, int free_failures, const BlockRule& block,
                   const LookupPolicy& policy, EpochMs now) {
  Attempts a = attempts_of(db, key);
  if (now - a.last_failure_at > policy.forget_after_ms) a.failures = 0;
  a.failures += 1;
  a.last_failure_at = now;
  if (a.failures >= free_failures) a.blocked_until = now + block(a.failures - free_failures);
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

bool is_last_four(const std::string& digits) {
  return digits.size() == 4 && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool phone_ends_with(const std::string& phone, const std::string& last_four) {
  return phone.size() >= 4 && phone.compare(phone.size() - 4, 4, last_four) == 0;
}

RequestStatus status_of(Database& db, const Request& r, const std::vector<RequestEvent>& events) {
  RequestStatus s{
      r.code, r.kind, r.product, r.problem, r.state, r.scheduled_date, r.scheduled_window, {}, is_rated(db, r.id)};
  for (const RequestEvent& e : events) s.timeline.push_back({e.to, e.at});
  return s;
}

}  // namespace

Result<RequestStatus> RequestLookup::status(const std::string& typed_code, const std::string& last_four,
                                            const std::string& device) {
  const std::optional<std::string> code = normalize_request_code(typed_code);
  if (!code) return invalid_argument("\"" + typed_code + "\" is not a request code (such as R7K2-9QX)", "code-format");
  if (!is_last_four(last_four))
    return invalid_argument("enter the last four digits of the phone number", "last-four-format");
  return storage_guarded([&]() -> Result<RequestStatus> {
    Database& db = store_.db();
    const EpochMs now = clock_.now_ms();
    const std::string code_key = "code:" + *code, device_key = "device:" + device;
    const BlockRule doubling = [&](int past) {
      return std::min(policy_.max_block_ms, policy_.first_block_ms << std::min(past, 20));
    };
    const BlockRule pause = [&](int) { return policy_.device_pause_ms; };
    Transaction tx(db);
    const EpochMs blocked_until =
        std::max(attempts_of(db, code_key).blocked_until, attempts_of(db, device_key).blocked_until);
    if (blocked_until > now)
      return refused(
          "too many wrong attempts; try again in " + std::to_string((blocked_until - now + 999) / 1000) + " seconds",
          "lookup-slowed-down");
    const std::optional<Request> found = request_rows::find_by_code(db, *code);
    if (!found || !phone_ends_with(found->phone, last_four)) {
      if (found) count_failure(db, code_key, policy_.free_failures_per_code, doubling, policy_, now);
      count_failure(db, device_key, policy_.free_failures_per_device, pause, policy_, now);
      tx.commit();
      return invalid_argument("no request matches this code and phone number", "lookup-no-match");
    }
    db.prepare("DELETE FROM request_lookup_attempt WHERE key = ?1").bind(1, code_key).run();
    RequestStatus status = status_of(db, *found, request_rows::events_of(db, found->id));
    tx.commit();
    return status;
  });
}

}  // namespace kiosk
