// Ratings of finished requests (see request_rating.h). UNIQUE(request_id) is
// the last word on "one per request": two devices racing still store one.
#include "requests/request_rating.h"

#include <algorithm>

#include "core/comma_list.h"
#include "core/random_id.h"
#include "ratings/rating_book.h"
#include "requests/request_text.h"

namespace kiosk {
namespace {

const TextField kComment{"comment", "the comment", 200, false, true};

}  // namespace

const char* to_string(RatedBy by) {
  switch (by) {
    case RatedBy::TechnicianDevice:
      return "technician-device";
    case RatedBy::CustomerPhone:
      return "customer-phone";
    case RatedBy::CustomerKiosk:
      break;
  }
  return "customer-kiosk";
}

std::optional<RatedBy> rated_by_from(const std::string& text) {
  for (const RatedBy by : {RatedBy::CustomerKiosk, RatedBy::TechnicianDevice, RatedBy::CustomerPhone})
    if (text == to_string(by)) return by;
  return std::nullopt;
}

bool is_finished_for_rating(RequestState state) { return state == RequestState::Done || state == RequestState::Closed; }

std::optional<Error> check_rating_input(const RatingInput& input) {
  if (input.score < 1 || input.score > 5) return invalid_argument("a rating is from 1 to 5", "bad-score");
  const std::vector<std::string>& known = rating_reason_codes();
  for (const std::string& reason : input.reasons)
    if (std::find(known.begin(), known.end(), reason) == known.end())
      return invalid_argument("unknown rating reason \"" + reason + "\" (known: " + join_comma_list(known) + ")",
                              "unknown-reason");
  return check_request_text(kComment, input.comment);
}

bool is_rated(Database& db, const std::string& request_id) {
  Statement& q = db.prepare(
      "SELECT EXISTS (SELECT 1 FROM request_rating WHERE request_id = ?1) OR EXISTS (SELECT 1 FROM hq_config "
      "WHERE kind = 'request_rated' AND key = (SELECT code FROM request WHERE id = ?1))");
  q.bind(1, request_id);
  q.step();
  const bool rated = q.int64(0) != 0;
  q.reset();
  return rated;
}

std::optional<Error> why_not_ratable(Database& db, const Request& request) {
  if (!is_finished_for_rating(request.state))
    return refused(
        "request " + request.code + " is " + to_string(request.state) + ": only a done or closed job is rated",
        "not-finished");
  if (is_rated(db, request.id)) return refused("request " + request.code + " has already been rated", "already-rated");
  return std::nullopt;
}

RequestRating insert_request_rating(Database& db, const Request& request, const RatingInput& input, EpochMs now) {
  RequestRating r{new_uuid(),    request.id, request.code,     input.score, input.reasons,
                  input.comment, input.by,   request.assignee, now};
  db.prepare(
        "INSERT INTO request_rating(id, request_id, request_code, score, reasons, comment, rated_by, technician, "
        "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
      .bind(1, r.id)
      .bind(2, r.request_id)
      .bind(3, r.request_code)
      .bind(4, r.score)
      .bind(5, join_comma_list(r.reasons))
      .bind(6, r.comment)
      .bind(7, to_string(r.by))
      .bind(8, r.technician)
      .bind(9, r.created_at)
      .run();
  return r;
}

std::optional<RequestRating> find_request_rating(Database& db, const std::string& rating_id) {
  Statement& q = db.prepare(
      "SELECT id, request_id, request_code, score, reasons, comment, rated_by, technician, created_at "
      "FROM request_rating WHERE id = ?1");
  q.bind(1, rating_id);
  std::optional<RequestRating> found;
  if (q.step())
    found = RequestRating{q.text(0),
                          q.text(1),
                          q.text(2),
                          q.int32(3),
                          split_comma_list(q.text(4)),
                          q.text(5),
                          rated_by_from(q.text(6)).value_or(RatedBy::CustomerKiosk),
                          q.text(7),
                          q.int64(8)};
  q.reset();
  return found;
}

}  // namespace kiosk
