// "Check my request" on a real store: the code and the phone's last four
// digits give the timeline without personal data; wrong digits are counted
// per code and per device in the database, and past a few free failures each
// further one blocks for a doubling wait, across a reopened store too.
#include <doctest/doctest.h>

#include "codec/request_json.h"
#include "requests/request_lookup.h"
#include "staff/staff_book.h"
#include "test_requests_fixture.h"

using namespace kiosk;
using kiosk::test::RequestStore;
using kiosk::test::valid_form;

TEST_CASE("the right code and last four digits show the timeline, with nothing personal") {
  RequestStore s;
  const Request r = s.book.create(valid_form(), "customer").value();
  s.clock.advance_s(60);
  TransitionRequest cancel{r.code,      RequestState::Cancelled, "customer", "changed my mind", "", "", std::nullopt,
                           std::nullopt};
  REQUIRE(s.book.transition(cancel).ok());
  RequestLookup lookup(*s.store, s.clock);
  const RequestStatus status = lookup.status("r" + r.code.substr(1), "5678", "kiosk-1").value();
  CHECK(status.code == r.code);
  CHECK(status.state == RequestState::Cancelled);
  REQUIRE(status.timeline.size() == 2);
  CHECK(status.timeline[0].state == RequestState::Received);
  CHECK(status.timeline[1].state == RequestState::Cancelled);
  CHECK(status.timeline[1].at == s.clock.now_ms());
  const std::string shown = to_json(status).dump();
  for (const char* personal : {"王小明", "5678", "世纪大道", "changed my mind", "SN-2024"})
    CHECK(shown.find(personal) == std::string::npos);
}

TEST_CASE("wrong last four digits are slowed down per code, and the block survives a restart") {
  RequestStore s;
  const Request r = s.book.create(valid_form(), "customer").value();
  const LookupPolicy policy;  // 3 free failures per code, then 30 s, 60 s, 120 s...
  {
    RequestLookup lookup(*s.store, s.clock);
    for (int i = 0; i < policy.free_failures_per_code - 1; ++i) {
      const Error e = lookup.status(r.code, "0000", "kiosk-1").error();
      CHECK(e.code == "lookup-no-match");
      CHECK(e.message == "no request matches this code and phone number");
    }
    CHECK(lookup.status(r.code, "1111", "kiosk-1").error().code == "lookup-no-match");  // the third: now blocked
    // Even the right digits are not checked while blocked.
    const Error slowed = lookup.status(r.code, "5678", "kiosk-2").error();
    CHECK(slowed.kind == ErrorKind::Refused);
    CHECK(slowed.code == "lookup-slowed-down");
    CHECK(slowed.message == "too many wrong attempts; try again in 30 seconds");
  }
  // The counter is in the database: a new process (here: a reopened store) still waits.
  s.store.reset();
  auto reopened = StoreDb::open(s.dir.path()).value();
  RequestLookup lookup(*reopened, s.clock);
  s.clock.advance_s(29);
  CHECK(lookup.status(r.code, "5678", "kiosk-2").error().message == "too many wrong attempts; try again in 1 seconds");
  s.clock.advance_s(1);
  CHECK(lookup.status(r.code, "2222", "kiosk-2").error().code == "lookup-no-match");  // the fourth: 60 s
  s.clock.advance_s(59);
  CHECK(lookup.status(r.code, "5678", "kiosk-2").error().code == "lookup-slowed-down");
  s.clock.advance_s(1);
  CHECK(lookup.status(r.code, "3333", "kiosk-2").error().code == "lookup-no-match");  // the fifth: 120 s
  s.clock.advance_s(60);
  CHECK(lookup.status(r.code, "5678", "kiosk-2").error().message == "too many wrong attempts; try again in 60 seconds");
  s.clock.advance_s(60);
  CHECK(lookup.status(r.code, "5678", "kiosk-2").ok());  // the right digits once the wait is over
  CHECK(lookup.status(r.code, "0000", "kiosk-2").error().code == "lookup-no-match");  // and the count starts again
  CHECK(lookup.status(r.code, "5678", "kiosk-2").ok());
}

TEST_CASE("one device guessing codes is slowed down; malformed input is refused without counting") {
  RequestStore s;
  const Request r = s.book.create(valid_form(), "customer").value();
  const LookupPolicy policy;
  RequestLookup lookup(*s.store, s.clock);
  CHECK(lookup.status("R9", "5678", "kiosk-1").error().code == "code-format");
  CHECK(lookup.status(r.code, "56", "kiosk-1").error().code == "last-four-format");
  CHECK(lookup.status(r.code, "56a8", "kiosk-1").error().code == "last-four-format");
  const std::vector<std::string> guesses{"R222-222", "R222-223", "R222-224", "R222-225", "R222-226",
                                         "R222-227", "R222-228", "R222-229", "R222-22A", "R222-22B"};
  REQUIRE(static_cast<int>(guesses.size()) == policy.free_failures_per_device);
  for (const std::string& guess : guesses)
    CHECK(lookup.status(guess, "5678", "kiosk-1").error().code == "lookup-no-match");
  CHECK(lookup.status(r.code, "5678", "kiosk-1").error().code == "lookup-slowed-down");  // this device waits
  CHECK(lookup.status(r.code, "5678", "kiosk-2").ok());                                  // another does not
  s.clock.advance_ms(policy.device_pause_ms);
  CHECK(lookup.status(r.code, "5678", "kiosk-1").ok());
}

TEST_CASE("many wrong tries at one kiosk make the next customer wait seconds, never minutes") {
  RequestStore s;
  const Request r = s.book.create(valid_form(), "customer").value();
  const LookupPolicy policy;
  RequestLookup lookup(*s.store, s.clock);
  // Someone types 30 wrong codes, waiting out each pause (before: the kiosk was blocked for 15 minutes).
  for (int i = 0; i < 30; ++i) {
    const std::string guess = "R3" + std::string(1, "ABCDEFGHJKMNPQRSTUVWXYZ23456789"[i % 30]) + "3-333";
    const Error e = lookup.status(guess, "1234", "kiosk-1").error();
    if (e.code == "lookup-slowed-down") {
      CHECK(e.message == "too many wrong attempts; try again in 5 seconds");
      s.clock.advance_ms(policy.device_pause_ms);
      CHECK(lookup.status(guess, "1234", "kiosk-1").error().code == "lookup-no-match");
    } else {
      CHECK(e.code == "lookup-no-match");
    }
  }
  // The next customer, with the right code and digits, waits at most the pause.
  CHECK(lookup.status(r.code, "5678", "kiosk-1").error().code == "lookup-slowed-down");
  s.clock.advance_ms(policy.device_pause_ms);
  CHECK(lookup.status(r.code, "5678", "kiosk-1").ok());
}
