// Requests on a real store file: every legal transition stored with its event
// and version, every illegal one refused with nothing changed (no event, no
// version, no outbox row), events complete and kept for good, assignment and
// scheduling details, stale versions refused.
#include <doctest/doctest.h>

#include <map>

#include "requests/request_lifecycle.h"
#include "staff/staff_book.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;
using S = RequestState;

namespace {

const std::vector<S> kAll{S::Received,        S::Assigned, S::Scheduled, S::OnTheWay,  S::OnSite,
                          S::WaitingForParts, S::Done,     S::Closed,    S::Cancelled, S::Reopened};

// A way to reach each state from received.
const std::map<S, std::vector<S>> kPathTo{
    {S::Received, {}},
    {S::Assigned, {S::Assigned}},
    {S::Scheduled, {S::Assigned, S::Scheduled}},
    {S::OnTheWay, {S::Assigned, S::OnTheWay}},
    {S::OnSite, {S::Assigned, S::OnTheWay, S::OnSite}},
    {S::WaitingForParts, {S::Assigned, S::OnTheWay, S::OnSite, S::WaitingForParts}},
    {S::Done, {S::Assigned, S::OnTheWay, S::OnSite, S::Done}},
    {S::Closed, {S::Assigned, S::OnTheWay, S::OnSite, S::Done, S::Closed}},
    {S::Cancelled, {S::Cancelled}},
    {S::Reopened, {S::Assigned, S::OnTheWay, S::OnSite, S::Done, S::Reopened}},
};

struct Fixture : RequestStore {
  Fixture() {
    StaffPolicy cheap;
    cheap.pin_cost = PinHashCost::fastest_for_tests();
    REQUIRE(StaffBook(*store, clock, cheap).add("Zhang Wei", "2580", StaffRole::Technician).ok());
  }

  TransitionRequest change(const Request& r, S to, const std::string& note = "") {
    TransitionRequest t;
    t.code = r.code;
    t.to = to;
    t.actor = "dispatcher Liu";
    t.note = note;
    if (to == S::Assigned) t.assignee = "Zhang Wei";
    return t;
  }

  Request request_in(S state) {
    Request r = book.create(valid_form(), "customer").value();
    for (S step : kPathTo.at(state)) {
      clock.advance_s(60);
      r = book.transition(change(r, step)).value();
    }
    REQUIRE(r.state == state);
    return r;
  }
};

}  // namespace

TEST_CASE("every legal transition is stored with its event; every illegal one is refused and changes nothing") {
  Fixture s;
  int legal = 0, illegal = 0;
  for (S from : kAll) {
    const Request sample = s.request_in(from);  // for the illegal attempts: refused, so reusable
    for (S to : kAll) {
      CAPTURE(to_string(from));
      CAPTURE(to_string(to));
      if (!check_transition(from, to)) {
        const Request r = s.request_in(from);
        const std::int64_t events = s.rows("request_event"), outbox = s.rows("outbox");
        s.clock.advance_s(30);
        const Result<Request> moved = s.book.transition(s.change(r, to, "step note"));
        REQUIRE(moved.ok());
        CHECK(moved.value().state == to);
        CHECK(moved.value().version == r.version + 1);
        const RequestEvent& last = moved.value().events.back();
        CHECK(last.from == from);
        CHECK(last.to == to);
        CHECK(last.actor == "dispatcher Liu");
        CHECK(last.note == "step note");
        CHECK(last.at == s.clock.now_ms());
        CHECK(last.version == r.version + 1);
        CHECK(s.rows("request_event") == events + 1);
        CHECK(s.rows("outbox") == outbox + 2);  // the request's new version and the event
        CHECK(s.book.find(r.code).value().state == to);
        ++legal;
      } else {
        const std::int64_t events = s.rows("request_event"), outbox = s.rows("outbox");
        const Result<Request> refused = s.book.transition(s.change(sample, to));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::Refused);
        CHECK(refused.error().code == "illegal-transition");
        const Request after = s.book.find(sample.code).value();
        CHECK(after.state == from);
        CHECK(after.version == sample.version);
        CHECK(s.rows("request_event") == events);
        CHECK(s.rows("outbox") == outbox);
        ++illegal;
      }
    }
  }
  CHECK(legal == 23);  // 16 moves, 7 open states that may be cancelled
  CHECK(illegal == 77);
}

TEST_CASE("a request's whole life: events complete (who, when, from, to, note) and versions in order") {
  Fixture s;
  const Request created = s.book.create(valid_form(), "customer").value();
  CHECK(created.code.size() == 8);
  CHECK(created.state == S::Received);
  CHECK(created.version == 1);
  const std::vector<std::pair<S, std::string>> life{{S::Assigned, "to Zhang"},
                                                    {S::Scheduled, ""},
                                                    {S::OnTheWay, "left the depot"},
                                                    {S::OnSite, ""},
                                                    {S::WaitingForParts, "compressor"},
                                                    {S::Scheduled, "parts in"},
                                                    {S::OnTheWay, ""},
                                                    {S::OnSite, ""},
                                                    {S::Done, "replaced compressor"},
                                                    {S::Reopened, "still noisy"},
                                                    {S::Assigned, ""},
                                                    {S::Cancelled, "customer moved"}};
  std::vector<EpochMs> times{created.created_at};
  for (const auto& [to, note] : life) {
    s.clock.advance_s(600);
    times.push_back(s.clock.now_ms());
    REQUIRE(s.book.transition(s.change(s.book.find(created.code).value(), to, note)).ok());
  }
  const Request r = s.book.find(created.code).value();
  REQUIRE(r.events.size() == life.size() + 1);
  CHECK_FALSE(r.events[0].from.has_value());
  CHECK(r.events[0].to == S::Received);
  CHECK(r.events[0].actor == "customer");
  CHECK(r.events[0].at == times[0]);
  for (std::size_t i = 1; i < r.events.size(); ++i) {
    CAPTURE(i);
    CHECK(r.events[i].from == r.events[i - 1].to);
    CHECK(r.events[i].to == life[i - 1].first);
    CHECK(r.events[i].note == life[i - 1].second);
    CHECK(r.events[i].actor == "dispatcher Liu");
    CHECK(r.events[i].at == times[i]);
    CHECK(r.events[i].version == static_cast<int>(i) + 1);
    CHECK(r.events[i].id.size() == 36);
  }
  CHECK(r.version == static_cast<int>(life.size()) + 1);
  CHECK(r.closed_at == times.back());
  CHECK(r.scheduled_date == "2026-11-24");  // the customer's preferred visit by default
  CHECK(r.scheduled_window == TimeWindow::Afternoon);

  // Events are kept for good: the database itself refuses to change or delete one.
  CHECK_THROWS_WITH_AS(s.store->db().exec("DELETE FROM request_event"), "request events are kept for good",
                       SqliteError);
  CHECK_THROWS_WITH_AS(s.store->db().exec("UPDATE request_event SET note = 'x'"), "request events are kept for good",
                       SqliteError);
  CHECK(s.rows("request_event") == static_cast<std::int64_t>(life.size()) + 1);
}

TEST_CASE("assignment needs a known technician, scheduling a valid visit, and a stale version is refused") {
  Fixture s;
  const Request r = s.book.create(valid_form(), "customer").value();
  TransitionRequest t = s.change(r, S::Assigned);
  t.assignee = "";
  CHECK(s.book.transition(t).error().code == "assignee-empty");
  t.assignee = "Nobody";
  CHECK(s.book.transition(t).error().code == "unknown-assignee");
  t = s.change(r, S::Cancelled);
  t.assignee = "Zhang Wei";
  CHECK(s.book.transition(t).error().code == "assignee-not-assigning");
  t = s.change(r, S::Assigned);
  t.expected_version = 2;
  const Error stale = s.book.transition(t).error();
  CHECK(stale.code == "version-conflict");
  CHECK(stale.kind == ErrorKind::Refused);
  t.expected_version = 1;
  const Request assigned = s.book.transition(t).value();
  CHECK(assigned.version == 2);
  CHECK(assigned.assignee.size() == 36);  // the staff member's id

  t = s.change(assigned, S::Scheduled);
  t.scheduled_date = "2026-11-20";
  CHECK(s.book.transition(t).error().code == "scheduled-date-past");
  t.scheduled_date = "2026-11-30";
  t.scheduled_window = TimeWindow::Evening;
  const Request scheduled = s.book.transition(t).value();
  CHECK(scheduled.scheduled_date == "2026-11-30");
  CHECK(scheduled.scheduled_window == TimeWindow::Evening);
  t = s.change(scheduled, S::OnTheWay);
  t.scheduled_date = "2026-12-01";
  CHECK(s.book.transition(t).error().code == "schedule-not-scheduling");
  t = s.change(scheduled, S::OnTheWay, std::string("bad \x01 note"));
  CHECK(s.book.transition(t).error().code == "note-control-character");
  t = s.change(scheduled, S::OnTheWay);
  t.actor = "";
  CHECK(s.book.transition(t).error().code == "actor-empty");
  CHECK(s.book.find(r.code).value().version == 3);  // none of the refusals moved it
  CHECK(s.book.transition(s.change(scheduled, S::OnTheWay)).value().version == 4);
  CHECK(s.book.find("r" + r.code.substr(1)).ok());  // typed in lower case
  CHECK(s.book.find("R222-222").error().code == "unknown-request");
  CHECK(s.book.find("hello").error().code == "code-format");
}

TEST_CASE("list: newest first, by state, bounded") {
  Fixture s;
  const Request first = s.request_in(S::Received);
  s.clock.advance_s(10);
  const Request second = s.request_in(S::Cancelled);
  const auto all = s.book.list({}).value();
  REQUIRE(all.size() == 2);
  CHECK(all[0].code == second.code);
  CHECK(all[0].events.empty());
  const auto received = s.book.list({S::Received, 10}).value();
  REQUIRE(received.size() == 1);
  CHECK(received[0].code == first.code);
  CHECK(s.book.list({std::nullopt, 0}).error().code == "bad-limit");
}
