// Ratings of finished visits: 1 to 5 with optional reason tags, one per visit,
// tied to the ticket and so to the counter that served it. The kiosk finds the
// visit by its ticket number and the check digits printed on the ticket
// (ratings/rating_check.h): a number alone rates nobody's visit.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "model/queue_model.h"
#include "store/store_db.h"

namespace kiosk {

// The reason tags a customer may add, in display order ("fast", "too-slow"...).
const std::vector<std::string>& rating_reason_codes();

struct Rating {
  std::string id;
  std::string ticket_id;
  int score = 0;  // 1..5; satisfied means 4 or 5
  std::vector<std::string> reasons;
  std::optional<int> counter;
  EpochMs created_at = 0;
};

class RatingBook {
 public:
  RatingBook(StoreDb& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Today's visit with this ticket number and check digits, if it can be rated
  // now. Error codes: "not-a-ticket", "unknown-ticket", "wrong-check",
  // "check-locked" (kRatingCheckTries wrong digits for this visit already),
  // "not-served", "not-finished", "already-rated" (here, or on a phone: HQ's
  // feed said `ticket_rated` for one of the visit's tickets). The check comes
  // first: wrong digits learn nothing about the visit.
  Result<Ticket> ratable_visit(const std::string& label, const std::string& check_digits);

  // Error codes: "bad-score", "unknown-reason", "unknown-ticket", "not-finished", "already-rated".
  Result<Rating> rate(const std::string& ticket_id, int score, const std::vector<std::string>& reasons);

 private:
  StoreDb& store_;
  const Clock& clock_;
  std::map<std::string, int> wrong_checks_;  // per visit (its kiosk ticket's id), this process
};

}  // namespace kiosk
