// Ratings of finished requests: 1 to 5 with the reason tags of ticket ratings
// (rating_reason_codes) and an optional comment, one per request, given by the
// customer at the kiosk or on a phone (HQ's request page, which stores it at
// HQ and tells the store), or on the technician's device at completion. Stored
// with the technician the request was assigned to, so satisfaction is his.
// The outbox row is written by trigger (schema 6) in the same transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/request_model.h"
#include "store/sqlite.h"

namespace kiosk {

enum class RatedBy { CustomerKiosk, TechnicianDevice, CustomerPhone };
const char* to_string(RatedBy by);  // "customer-kiosk" | "technician-device" | "customer-phone"
std::optional<RatedBy> rated_by_from(const std::string& text);

struct RatingInput {
  int score = 0;  // 1..5
  std::vector<std::string> reasons;
  std::string comment;  // optional
  RatedBy by = RatedBy::CustomerKiosk;
};

struct RequestRating {
  std::string id;
  std::string request_id;
  std::string request_code;
  int score = 0;
  std::vector<std::string> reasons;
  std::string comment;
  RatedBy by = RatedBy::CustomerKiosk;
  std::string technician;  // the assignee's staff id when rated ('' if none)
  EpochMs created_at = 0;
};

// nullopt when the input is acceptable. Error codes: "bad-score",
// "unknown-reason", "comment-*".
std::optional<Error> check_rating_input(const RatingInput& input);

// A request in this state can be rated (done or closed), once.
bool is_finished_for_rating(RequestState state);

// nullopt when `request` may be rated now (done or closed, not rated yet,
// here or on a phone).
// Error codes: "not-finished", "already-rated". Throws SqliteError.
std::optional<Error> why_not_ratable(Database& db, const Request& request);

// Stores a checked rating of a ratable request. Call inside a Transaction.
// Throws SqliteError.
RequestRating insert_request_rating(Database& db, const Request& request, const RatingInput& input, EpochMs now);

// Throws SqliteError.
std::optional<RequestRating> find_request_rating(Database& db, const std::string& rating_id);
// Rated here, or on a phone (HQ's feed said `request_rated` for its code).
bool is_rated(Database& db, const std::string& request_id);

}  // namespace kiosk
