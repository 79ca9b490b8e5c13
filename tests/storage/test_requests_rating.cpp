// Schema 6 on a real store file: one rating per done or closed request (by the
// customer kiosk or the technician's device; none more once a phone rated
// it, as HQ's feed says), uploaded through the outbox;
// the technician's open jobs by assignee; completion (done + confirmation +
// rating) all or nothing; stale lookup attempts pruned; technician sessions
// bound to no counter.
#include <doctest/doctest.h>

#include "requests/request_lookup.h"
#include "requests/request_outbox.h"
#include "requests/request_purge.h"
#include "staff/staff_book.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;
using S = RequestState;

namespace {

struct Fixture : RequestStore {
  Fixture() {
    cheap.pin_cost = PinHashCost::fastest_for_tests();
    zhang = StaffBook(*store, clock, cheap).add("Zhang Wei", "2580", StaffRole::Technician).value().id;
    REQUIRE(StaffBook(*store, clock, cheap).add("Li Na", "1357", StaffRole::Technician).ok());
    REQUIRE(StaffBook(*store, clock, cheap).add("Wang Fang", "4680", StaffRole::Counter).ok());
  }
  StaffPolicy cheap;
  std::string zhang;

  Request move(const Request& r, S to, const std::string& assignee = "Zhang Wei") {
    TransitionRequest t;
    t.code = r.code;
    t.to = to;
    t.actor = "dispatcher";
    if (to == S::Assigned) t.assignee = assignee;
    clock.advance_s(60);
    return book.transition(t).value();
  }
  Request on_site(const std::string& assignee = "Zhang Wei") {
    Request r = book.create(valid_form(), "customer").value();
    for (S step : {S::Assigned, S::OnTheWay, S::OnSite}) r = move(r, step, assignee);
    return r;
  }
  std::string text(const std::string& sql) {
    Statement& q = store->db().prepare(sql);
    std::string value = q.step() && !q.is_null(0) ? q.text(0) : "<none>";
    q.reset();
    return value;
  }
};

}  // namespace

TEST_CASE("a done request is rated once; an open one is refused; the rating is queued for HQ") {
  Fixture s;
  Request r = s.on_site();
  const Result<RequestRating> early = s.book.rate(r.code, 5, {"fast"}, "", RatedBy::CustomerKiosk);
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().code == "not-finished");
  r = s.move(r, S::Done);
  CHECK_FALSE(s.book.is_rated(r.code).value());

  const std::int64_t outbox = s.rows("outbox");
  const Result<RequestRating> rated = s.book.rate(r.code, 4, {"friendly", "solved"}, "修好了", RatedBy::CustomerKiosk);
  REQUIRE(rated.ok());
  CHECK(rated.value().technician == s.zhang);
  CHECK(s.book.is_rated(r.code).value());
  CHECK(s.rows("outbox") == outbox + 1);
  CHECK(s.text("SELECT kind FROM outbox ORDER BY seq DESC LIMIT 1") == "request_rating");
  const auto data = request_outbox_data(s.store->db(), "request_rating", rated.value().id);
  REQUIRE(data);
  CHECK((*data)["score"] == 4);
  CHECK((*data)["request"] == r.id);
  CHECK((*data)["rated_by"] == "customer-kiosk");
  CHECK((*data)["reasons"].size() == 2);

  const Result<RequestRating> again = s.book.rate(r.code, 1, {}, "", RatedBy::TechnicianDevice);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "already-rated");
  CHECK(s.rows("request_rating") == 1);
}

TEST_CASE("a request rated on a phone (HQ's feed: request_rated) is already rated here; others are not") {
  Fixture s;
  const Request rated_on_phone = s.move(s.on_site(), S::Done);
  const Request other = s.move(s.on_site(), S::Done);
  CHECK_FALSE(s.book.is_rated(rated_on_phone.code).value());
  test::apply_feed_change(*s.store, "request_rated", rated_on_phone.code,
                          R"({"rating": "0b7f3c1e-1111-4222-8333-444455556666", "score": 5, "at": 1795400000000})");
  CHECK(s.book.is_rated(rated_on_phone.code).value());
  const Result<RequestRating> again = s.book.rate(rated_on_phone.code, 3, {}, "", RatedBy::CustomerKiosk);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "already-rated");
  CHECK(s.rows("request_rating") == 0);  // nothing stored, nothing uploaded
  CHECK_FALSE(s.book.is_rated(other.code).value());
  CHECK(s.book.rate(other.code, 4, {}, "", RatedBy::CustomerKiosk).ok());
}

TEST_CASE("bad ratings are refused by name and store nothing") {
  Fixture s;
  Request r = s.move(s.on_site(), S::Done);
  CHECK(s.book.rate(r.code, 0, {}, "", RatedBy::CustomerKiosk).error().code == "bad-score");
  CHECK(s.book.rate(r.code, 6, {}, "", RatedBy::CustomerKiosk).error().code == "bad-score");
  CHECK(s.book.rate(r.code, 3, {"great"}, "", RatedBy::CustomerKiosk).error().code == "unknown-reason");
  CHECK(s.book.rate(r.code, 3, {}, "ok \xF0\x9F\x98\x80", RatedBy::CustomerKiosk).error().code ==
        "comment-unsupported-character");
  CHECK(s.book.rate(r.code, 3, {}, std::string(201, 'x'), RatedBy::CustomerKiosk).error().code == "comment-too-long");
  CHECK(s.book.rate("nope", 3, {}, "", RatedBy::CustomerKiosk).error().code == "code-format");
  CHECK(s.book.rate("R7K2-9QX", 3, {}, "", RatedBy::CustomerKiosk).error().code == "unknown-request");
  CHECK(s.rows("request_rating") == 0);
}

TEST_CASE("a technician's jobs are the open requests assigned to him, newest first") {
  Fixture s;
  const Request first = s.on_site();
  const Request second = s.move(s.book.create(valid_form(), "customer").value(), S::Assigned);
  s.move(s.book.create(valid_form(), "customer").value(), S::Assigned, "Li Na");
  s.move(s.on_site(), S::Done);                     // finished: no longer a job
  s.book.create(valid_form(), "customer").value();  // unassigned

  const std::vector<Request> jobs = s.book.jobs_of("Zhang Wei").value();
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0].code == second.code);
  CHECK(jobs[1].code == first.code);
  CHECK(s.book.jobs_of(s.zhang).value().size() == 2);
  CHECK(s.book.jobs_of("Li Na").value().size() == 1);
  CHECK(s.book.jobs_of("Nobody").error().code == "unknown-assignee");
}

TEST_CASE("completion stores done, the confirmation and the rating together, or nothing") {
  Fixture s;
  Request r = s.on_site();
  CompletionRequest c{r.code,   "Zhang Wei", s.zhang, "换了压缩机电容", true, RatingInput{5, {"professional"}, "", {}},
                      r.version};

  SUBCASE("someone else's job is refused") {
    c.technician_id = "someone-else";
    CHECK(s.book.complete(c).error().code == "not-assignee");
  }
  SUBCASE("a bad rating refuses the whole completion") {
    c.rating->score = 9;
    CHECK(s.book.complete(c).error().code == "bad-score");
  }
  SUBCASE("a stale version is a conflict") {
    c.expected_version = r.version - 1;
    CHECK(s.book.complete(c).error().code == "version-conflict");
  }
  SUBCASE("the right one is done and rated") {
    const Result<Request> done = s.book.complete(c);
    REQUIRE(done.ok());
    CHECK(done.value().state == S::Done);
    CHECK(done.value().events.back().note == "换了压缩机电容");
    CHECK(s.text("SELECT rated_by FROM request_rating") == "technician-device");
    CHECK(s.text("SELECT customer_confirmed_at IS NOT NULL FROM request") == "1");
    return;
  }
  CHECK(s.book.find(r.code).value().state == S::OnSite);
  CHECK(s.rows("request_rating") == 0);
}

TEST_CASE("a completion of a job not on site is refused and rates nothing") {
  Fixture s;
  Request r = s.move(s.book.create(valid_form(), "customer").value(), S::Assigned);
  const Result<Request> done =
      s.book.complete({r.code, "Zhang Wei", s.zhang, "", false, RatingInput{5, {}, "", {}}, std::nullopt});
  REQUIRE_FALSE(done.ok());
  CHECK(done.error().code == "illegal-transition");
  CHECK(s.rows("request_rating") == 0);
}

TEST_CASE("the purge blanks a purged request's rating comment and keeps its score") {
  Fixture s;
  Request r = s.move(s.on_site(), S::Done);
  REQUIRE(s.book.rate(r.code, 2, {"too-slow"}, "王先生说太慢", RatedBy::CustomerKiosk).ok());
  s.move(r, S::Closed);
  s.clock.advance_s(31 * 86400);
  REQUIRE(purge_personal_data(*s.store, s.clock, 30).value() == 1);
  CHECK(s.text("SELECT comment FROM request_rating") == "");
  CHECK(s.text("SELECT score FROM request_rating") == "2");
}

TEST_CASE("lookup attempts older than the forget window are pruned") {
  Fixture s;
  RequestLookup lookup(*s.store, s.clock);
  for (int device = 0; device < 20; ++device)
    CHECK(lookup.status("R7K2-9QX", "0000", "device-" + std::to_string(device)).error().code == "lookup-no-match");
  CHECK(s.rows("request_lookup_attempt") == 20);
  s.clock.advance_s(2 * 3600);
  CHECK(lookup.status("R7K2-9QX", "0000", "late-device").error().code == "lookup-no-match");
  CHECK(s.rows("request_lookup_attempt") == 1);
}
