// RatingBook: finding ratable visits and storing one rating per visit. The
// UNIQUE(ticket_id) constraint is the last word on "one per visit" at the
// kiosk, so two taps racing each other still store one rating; a visit rated
// on a phone is known from HQ's feed (and HQ parks a second rating of it).
#include "ratings/rating_book.h"

#include <algorithm>

#include "core/comma_list.h"
#include "core/random_id.h"
#include "queue/ticket_label.h"
#include "ratings/rating_check.h"
#include "store/storage_guard.h"

namespace kiosk {
namespace {

// The last column: the visit is rated, here or on a phone (HQ's feed sent
// `ticket_rated` for one of its tickets: a transfer keeps the day and number).
constexpr const char* kVisitColumns =
    "t.seq, t.id, t.service_code, t.prefix, t.number, t.state, t.counter, t.finished_at, "
    "EXISTS (SELECT 1 FROM rating r WHERE r.ticket_id = t.id) OR EXISTS (SELECT 1 FROM ticket c JOIN hq_config h "
    "ON h.kind = 'ticket_rated' AND h.key = c.id WHERE c.business_day = t.business_day AND c.prefix = t.prefix "
    "AND c.number = t.number)";

struct VisitRow {
  Ticket ticket;
  bool rated = false;
};

VisitRow visit_from(const Statement& q) {
  VisitRow row;
  row.ticket.id = q.text(1);
  row.ticket.service_code = q.text(2);
  row.ticket.label = format_ticket_label(q.text(3), q.int32(4));
  row.ticket.state = ticket_state_from(q.text(5)).value_or(TicketState::Waiting);
  if (!q.is_null(6)) row.ticket.counter = q.int32(6);
  row.ticket.finished_at = q.optional_int64(7);
  row.rated = q.int64(8) > 0;
  return row;
}

std::optional<Error> why_not_ratable(const VisitRow& visit) {
  if (visit.rated) return refused("ticket " + visit.ticket.label + " has already been rated", "already-rated");
  if (visit.ticket.state == TicketState::NoShow || visit.ticket.state == TicketState::Cancelled)
    return refused(
        "ticket " + visit.ticket.label + " was " + to_string(visit.ticket.state) + ": there is no visit to rate",
        "not-served");
  if (visit.ticket.state != TicketState::Done)
    return refused("ticket " + visit.ticket.label + " is " + to_string(visit.ticket.state) + ", not finished",
                   "not-finished");
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& rating_reason_codes() {
  static const std::vector<std::string> codes{"fast",     "friendly",   "professional", "solved",
                                              "too-slow", "not-solved", "unfriendly"};
  return codes;
}

Result<Ticket> RatingBook::ratable_visit(const std::string& label, const std::string& check_digits) {
  const std::optional<ParsedLabel> parsed = parse_ticket_label(label);
  if (!parsed) return invalid_argument("\"" + label + "\" is not a ticket number", "not-a-ticket");
  return storage_guarded([&]() -> Result<Ticket> {
    const std::string day = store_.zone().business_day(clock_.now_ms());
    // The ticket issued at the kiosk holds the token the check digits come from.
    Statement& issued = store_.db().prepare(
        "SELECT id, coalesce(token, '') FROM ticket WHERE business_day = ?1 AND prefix = ?2 AND number = ?3 "
        "AND transferred_from IS NULL");
    issued.bind(1, day).bind(2, parsed->prefix).bind(3, parsed->number);
    if (!issued.step()) return invalid_argument("no ticket " + label + " today", "unknown-ticket");
    const std::string visit_id = issued.text(0), token = issued.text(1);
    issued.reset();
    int& wrong = wrong_checks_[visit_id];
    if (wrong >= kRatingCheckTries)
      return refused("too many wrong check digits for ticket " + label + "; ask at the counter", "check-locked");
    const std::string expected = rating_check_digits(token);
    if (expected.empty() || check_digits != expected) {
      ++wrong;
      return invalid_argument("the check digits do not match ticket " + label, "wrong-check");
    }
    Statement& q = store_.db().prepare(std::string("SELECT ") + kVisitColumns +
                                       " FROM ticket t WHERE t.business_day = ?1 AND t.prefix = ?2 AND t.number = ?3 "
                                       "AND t.transferred_to IS NULL ORDER BY t.seq DESC LIMIT 1");
    q.bind(1, day).bind(2, parsed->prefix).bind(3, parsed->number);
    if (!q.step()) return invalid_argument("no ticket " + label + " today", "unknown-ticket");
    const VisitRow visit = visit_from(q);
    q.reset();
    if (std::optional<Error> problem = why_not_ratable(visit)) return *problem;
    return visit.ticket;
  });
}

Result<Rating> RatingBook::rate(const std::string& ticket_id, int score, const std::vector<std::string>& reasons) {
  if (score < 1 || score > 5) return invalid_argument("a rating is from 1 to 5", "bad-score");
  const std::vector<std::string>& known = rating_reason_codes();
  for (const std::string& reason : reasons)
    if (std::find(known.begin(), known.end(), reason) == known.end())
      return invalid_argument("unknown rating reason \"" + reason + "\"", "unknown-reason");
  return storage_guarded([&]() -> Result<Rating> {
    Database& db = store_.db();
    Transaction tx(db);
    Statement& q = db.prepare(std::string("SELECT ") + kVisitColumns + " FROM ticket t WHERE t.id = ?1");
    q.bind(1, ticket_id);
    if (!q.step()) return invalid_argument("no ticket with id " + ticket_id, "unknown-ticket");
    const VisitRow visit = visit_from(q);
    q.reset();
    if (std::optional<Error> problem = why_not_ratable(visit)) return *problem;
    Rating rating{new_uuid(), ticket_id, score, reasons, visit.ticket.counter, clock_.now_ms()};
    db.prepare("INSERT INTO rating(id, ticket_id, score, reasons, counter, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, rating.id)
        .bind(2, ticket_id)
        .bind(3, score)
        .bind(4, join_comma_list(reasons))
        .bind(5, rating.counter)
        .bind(6, rating.created_at)
        .run();
    tx.commit();
    return rating;
  });
}

}  // namespace kiosk
