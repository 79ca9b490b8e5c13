// The request lookup from phones at HQ (docs/public-pages.md, "Request
// lookup"): the request whose code and phone's last four digits match, in
// any store, and the kiosk's slow-down (requests/request_lookup.h
// LookupPolicy and lookup_blocked_until) with HQ's two scopes: `code` (every
// well-formed code that failed, so a blocked code tells nothing of whether it
// exists) and `address` (the client's network address: the kiosk's device
// allowance, so a carrier's shared address only pauses a few seconds after
// each failure past it, never locks). Failures are rows of
// public_lookup_failure, read and written in one transaction under a lock per
// code and per address: a restart or a second hq process forgets nothing and
// concurrent guesses are counted one after another. Rows older than
// forget_after go when their subject is next seen, and all of them in
// forget_old_failures.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "codec/api_json.h"
#include "core/clock.h"
#include "hq/hq_db.h"
#include "requests/request_lookup.h"
#include "requests/request_rating.h"

namespace kiosk::hq {

struct PhoneAttempt {
  std::string code;       // as stored ("R7K2-9QX": requests/request_lookup.h lookup_code)
  std::string last_four;  // four digits
  std::string address;    // where the attempt comes from
};

class PhoneRequestLookup {
 public:
  PhoneRequestLookup(HqDb& db, LookupPolicy policy = {}) : db_(db), policy_(policy) {}

  // public_request_status.h's answer; 404 lookup-no-match (counted) for a
  // wrong code and wrong digits alike; 429 lookup-slowed-down with
  // Retry-After while the code or the address is blocked (nothing checked).
  std::variant<nlohmann::ordered_json, ApiError> status(const PhoneAttempt& attempt, EpochMs now);

  // Rates the matching request (the same match and slow-down): a
  // request_rating record of its store (phone_records.h, rated_by
  // customer-phone) and the feed change request_rated for the store.
  // {"rated": true}; 409 not-finished, already-rated. `rating` is checked.
  std::variant<nlohmann::ordered_json, ApiError> rate(const PhoneAttempt& attempt, const RatingInput& rating,
                                                      EpochMs now);

  // Deletes every failure older than forget_after (subjects not seen again).
  void forget_old_failures(EpochMs now);

 private:
  struct Match;
  using Act = std::function<std::variant<nlohmann::ordered_json, ApiError>(const Match&)>;
  std::variant<nlohmann::ordered_json, ApiError> on_match(const PhoneAttempt& attempt, EpochMs now, const Act& act);
  EpochMs blocked_until(const char* scope, LookupScope rule, const std::string& subject, EpochMs now);

  HqDb& db_;
  LookupPolicy policy_;
};

}  // namespace kiosk::hq
