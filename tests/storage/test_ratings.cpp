// Ratings on a real store: only finished visits, one per visit (also when two
// taps race, and when a phone rated it first), found by number with the check
// digits printed on the ticket.
#include <doctest/doctest.h>

#include <set>

#include "ratings/rating_book.h"
#include "ratings/rating_check.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {
Ticket serve(TestStore& s, const char* service) {
  s.engine->issue({service, false, {}}).value();
  REQUIRE(s.engine->call_next(1).ok());
  s.clock.advance_s(120);
  return s.engine->finish(1, Outcome::Resolved).value();
}
std::string check_of(const Ticket& t) { return rating_check_digits(t.token); }
}  // namespace

TEST_CASE("a finished visit is rated once; a second attempt is refused with its own code") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  const Ticket done = serve(s, "A");
  RatingBook book(*s.store, s.clock);
  const Ticket found = book.ratable_visit("A001", check_of(done)).value();
  CHECK(found.id == done.id);
  const Rating rating = book.rate(found.id, 5, {"fast", "friendly"}).value();
  CHECK(rating.counter == 1);
  CHECK(book.rate(found.id, 4, {}).error().code == "already-rated");
  CHECK(book.ratable_visit("A001", check_of(done)).error().code == "already-rated");
  Statement& q = s.store->db().prepare("SELECT score, reasons, counter FROM rating WHERE ticket_id = ?1");
  q.bind(1, done.id);
  REQUIRE(q.step());
  CHECK(q.int32(0) == 5);
  CHECK(q.text(1) == "fast,friendly");
  CHECK(q.int32(2) == 1);
  q.reset();
}

TEST_CASE("visits that cannot be rated are told apart") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  RatingBook book(*s.store, s.clock);
  const Ticket waiting = s.engine->issue({"A", false, {}}).value().ticket;
  CHECK(book.ratable_visit("A001", check_of(waiting)).error().code == "not-finished");
  CHECK(book.ratable_visit("A002", "1234").error().code == "unknown-ticket");
  CHECK(book.ratable_visit("12", "1234").error().code == "not-a-ticket");
  CHECK(book.rate("no-such-id", 3, {}).error().code == "unknown-ticket");
  const Ticket done = serve(s, "A");
  CHECK(book.rate(done.id, 0, {}).error().code == "bad-score");
  CHECK(book.rate(done.id, 6, {}).error().code == "bad-score");
  CHECK(book.rate(done.id, 3, {"rude"}).error().code == "unknown-reason");
  CHECK(book.rate(done.id, 3, {"too-slow"}).ok());
  // A missed number was never served: said so, not "come back once it is finished".
  s.engine->issue({"A", false, {}}).value();
  const Ticket missed = s.engine->call_next(1).value();
  REQUIRE(s.engine->no_show(1).ok());
  CHECK(book.ratable_visit(missed.label, check_of(missed)).error().code == "not-served");
  CHECK(book.rate(missed.id, 3, {}).error().code == "not-served");
}

TEST_CASE("a transferred visit is rated on the ticket that finished it") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  const Ticket issued = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  const Ticket moved = s.engine->transfer(1, "B").value();
  REQUIRE(s.engine->call_next(1).value().id == moved.id);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  RatingBook book(*s.store, s.clock);
  CHECK(book.ratable_visit("A001", check_of(issued)).value().id == moved.id);  // the paper's digits
}

TEST_CASE("a number alone rates nobody's visit: the check digits must match, and guessing them stops") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A"}).ok());
  const Ticket done = serve(s, "A");
  RatingBook book(*s.store, s.clock);
  const std::string right = check_of(done);
  REQUIRE(right.size() == 4);
  const std::string wrong = right == "0000" ? "0001" : "0000";
  CHECK(book.ratable_visit("A001", "").error().code == "wrong-check");
  for (int tries = 2; tries <= kRatingCheckTries; ++tries)
    CHECK(book.ratable_visit("A001", wrong).error().code == "wrong-check");
  // After the allowed tries even the right digits are refused for this visit, with a way out.
  CHECK(book.ratable_visit("A001", right).error().code == "check-locked");
  // Other visits are not affected.
  const Ticket next = serve(s, "A");
  CHECK(book.ratable_visit(next.label, check_of(next)).value().id == next.id);
}

TEST_CASE("check digits: four digits, stable for a token, different across tokens") {
  CHECK(rating_check_digits("").empty());
  CHECK(rating_check_digits("K7W2M9QX3T4HZP8RJ6VC") == rating_check_digits("K7W2M9QX3T4HZP8RJ6VC"));
  CHECK(rating_check_digits("K7W2M9QX3T4HZP8RJ6VC") == "7929");  // never changes: yesterday's paper must still check
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(rating_check_digits("TOKEN" + std::to_string(i)));
  CHECK(seen.size() > 190);  // spread over 10,000 values
}

TEST_CASE("a visit rated on a phone (HQ's feed: ticket_rated) is already rated here, transfers included") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  RatingBook book(*s.store, s.clock);
  // A012-style visit transferred A -> B: the phone rated it by the ticket its page followed (the continuation).
  const Ticket first = s.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(s.engine->call_next(1).ok());
  const Ticket continued = s.engine->transfer(1, "B").value();
  REQUIRE(s.engine->call_next(1).value().id == continued.id);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  const Ticket other = serve(s, "A");  // another visit, rated by nobody
  CHECK(book.ratable_visit("A001", check_of(first)).ok());
  test::apply_feed_change(*s.store, "ticket_rated", continued.id,
                          R"({"rating": "0b7f3c1e-1111-4222-8333-444455556666", "score": 5, "at": 1795400000000})");
  CHECK(book.ratable_visit("A001", check_of(first)).error().code == "already-rated");
  CHECK(book.rate(continued.id, 4, {}).error().code == "already-rated");
  CHECK(book.ratable_visit("A002", check_of(other)).ok());
  CHECK(book.rate(other.id, 4, {}).ok());

  // The key naming the visit's first ticket counts as well.
  TestStore t;
  REQUIRE(t.engine->open_counter(1, {"A", "B"}).ok());
  RatingBook by_first(*t.store, t.clock);
  const Ticket paper = t.engine->issue({"A", false, {}}).value().ticket;
  REQUIRE(t.engine->call_next(1).ok());
  const Ticket next = t.engine->transfer(1, "B").value();
  REQUIRE(t.engine->call_next(1).ok());
  REQUIRE(t.engine->finish(1, Outcome::Resolved).ok());
  test::apply_feed_change(*t.store, "ticket_rated", paper.id, R"({"rating": "x", "score": 2, "at": 1})");
  CHECK(by_first.rate(next.id, 4, {}).error().code == "already-rated");
  CHECK(by_first.ratable_visit("A001", check_of(paper)).error().code == "already-rated");
}
