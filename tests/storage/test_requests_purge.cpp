// The privacy purge on a real store: personal fields of requests closed or
// cancelled the configured number of days ago are erased, statistics fields
// and events stay, open and recent requests are untouched, and the purge
// queues nothing for upload; with HQ configured, the days count from HQ's
// acknowledgement of the request's latest change.
#include <doctest/doctest.h>

#include "requests/request_purge.h"
#include "staff/staff_book.h"
#include "sync/sync_store.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;

namespace {

Request close_request(RequestStore& s, const Request& r) {
  StaffPolicy cheap;
  cheap.pin_cost = PinHashCost::fastest_for_tests();
  (void)StaffBook(*s.store, s.clock, cheap)
      .add("Zhang Wei", "2580", StaffRole::Technician);  // once; later adds are duplicates
  Request now = r;
  for (RequestState to : {RequestState::Assigned, RequestState::OnTheWay, RequestState::OnSite, RequestState::Done,
                          RequestState::Closed}) {
    TransitionRequest t{r.code, to,           "tech",      "", to == RequestState::Assigned ? "Zhang Wei" : "",
                        "",     std::nullopt, std::nullopt};
    now = s.book.transition(t).value();
  }
  return now;
}

}  // namespace

TEST_CASE("purge erases personal fields after the configured days and keeps what statistics need") {
  RequestStore s;
  const Request closed = close_request(s, s.book.create(valid_form(), "customer").value());
  const Request cancelled = s.book.create(valid_form(), "customer").value();
  REQUIRE(
      s.book.transition({cancelled.code, RequestState::Cancelled, "customer", "", "", "", std::nullopt, std::nullopt})
          .ok());
  const Request open = s.book.create(valid_form(), "customer").value();

  s.clock.advance_s(29 * 86400);
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 0);  // not yet 30 days
  s.clock.advance_s(86400);
  const std::int64_t outbox = s.rows("outbox");
  const std::int64_t events = s.rows("request_event");
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 2);
  CHECK(s.rows("outbox") == outbox);  // nothing blank goes to HQ
  CHECK(s.rows("request_event") == events);

  for (const std::string& code : {closed.code, cancelled.code}) {
    const Request r = s.book.find(code).value();
    CAPTURE(code);
    CHECK(r.contact_name.empty());
    CHECK(r.phone.empty());
    CHECK(r.address.empty());
    CHECK(r.serial.empty());
    CHECK(r.description.empty());
    CHECK(r.purged_at == s.clock.now_ms());
    // What statistics need stays.
    CHECK(r.kind == RequestKind::Repair);
    CHECK(r.product == "air-conditioner");
    CHECK(r.problem == "not-cooling");
    CHECK(r.urgency == Urgency::Normal);
    CHECK(r.created_at == open.created_at);
    CHECK(r.closed_at.has_value());
    CHECK(r.events.size() >= 2);
    CHECK(r.events.back().to == r.state);
  }
  CHECK(s.book.find(closed.code).value().version == closed.version);
  const Request untouched = s.book.find(open.code).value();
  CHECK(untouched.contact_name == "王小明");
  CHECK(untouched.phone == "13812345678");
  CHECK_FALSE(untouched.purged_at.has_value());
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 0);  // once only

  // No personal value is left anywhere in the request rows.
  Statement& q =
      s.store->db().prepare("SELECT count(*) FROM request WHERE contact_name = '王小明' OR phone LIKE '%5678%'");
  REQUIRE(q.step());
  CHECK(q.int64(0) == 1);  // only the open request
  q.reset();
  CHECK(purge_personal_data(*s.store, s.clock, -1).error().code == "bad-days");
}

TEST_CASE("on a store with HQ the purge waits until HQ has acknowledged the closed request, then counts its days") {
  RequestStore s;
  const Request closed = close_request(s, s.book.create(valid_form(), "customer").value());  // its staff made here
  SyncStore sync(*s.store, s.clock);
  REQUIRE(sync.configure("http://127.0.0.1:9", "token").ok());
  s.clock.advance_s(40 * 86400);
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 0);  // HQ does not have it yet

  const std::vector<OutboxRecord> pending = sync.pending(1000).value();
  REQUIRE(!pending.empty());
  REQUIRE(sync.acknowledge(pending.back().seq, 0).ok());  // HQ has every change now
  s.clock.advance_s(29 * 86400);
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 0);  // 29 days after HQ got it
  s.clock.advance_s(86400);
  CHECK(purge_personal_data(*s.store, s.clock, 30).value() == 1);
  CHECK(s.book.find(closed.code).value().phone.empty());
}
