// Ratings on a real store: only finished visits, one per visit (also when two
// taps race), found by number or among the visits of the last minutes.
#include <doctest/doctest.h>

#include "ratings/rating_book.h"
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
}  // namespace

TEST_CASE("a finished visit is rated once; a second attempt is refused with its own code") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  const Ticket done = serve(s, "A");
  RatingBook book(*s.store, s.clock);
  const Ticket found = book.ratable_visit("A001").value();
  CHECK(found.id == done.id);
  const Rating rating = book.rate(found.id, 5, {"fast", "friendly"}).value();
  CHECK(rating.counter == 1);
  CHECK(book.rate(found.id, 4, {}).error().code == "already-rated");
  CHECK(book.ratable_visit("A001").error().code == "already-rated");
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
  s.engine->issue({"A", false, {}}).value();
  CHECK(book.ratable_visit("A001").error().code == "not-finished");
  CHECK(book.ratable_visit("A002").error().code == "unknown-ticket");
  CHECK(book.ratable_visit("12").error().code == "not-a-ticket");
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
  CHECK(book.ratable_visit(missed.label).error().code == "not-served");
  CHECK(book.rate(missed.id, 3, {}).error().code == "not-served");
}

TEST_CASE("a transferred visit is rated on the ticket that finished it") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B"}).ok());
  s.engine->issue({"A", false, {}}).value();
  REQUIRE(s.engine->call_next(1).ok());
  const Ticket moved = s.engine->transfer(1, "B").value();
  REQUIRE(s.engine->call_next(1).value().id == moved.id);
  REQUIRE(s.engine->finish(1, Outcome::Resolved).ok());
  RatingBook book(*s.store, s.clock);
  CHECK(book.ratable_visit("A001").value().id == moved.id);
}

TEST_CASE("recently finished visits: the last 15 minutes, unrated, newest first") {
  TestStore s;
  REQUIRE(s.engine->open_counter(1, {"A", "B", "C"}).ok());
  RatingBook book(*s.store, s.clock);
  serve(s, "A");          // finished at t
  s.clock.advance_s(600);
  const Ticket b = serve(s, "B");  // finished at t + 12 min
  const Ticket c = serve(s, "C");  // finished at t + 14 min
  s.clock.advance_s(240);  // now t + 18 min: A001 finished 18 minutes ago
  std::vector<Ticket> recent = book.recently_finished(15).value();
  REQUIRE(recent.size() == 2);
  CHECK(recent[0].label == "C001");
  CHECK(recent[1].label == "B001");
  REQUIRE(book.rate(c.id, 2, {"too-slow"}).ok());
  recent = book.recently_finished(15).value();
  REQUIRE(recent.size() == 1);
  CHECK(recent[0].id == b.id);
}
