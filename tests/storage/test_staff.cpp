// Staff accounts on a real store file: PINs stored only as argon2id hashes,
// lockout after five wrong PINs and its end, sessions bound to a counter,
// expiring, and ended by logout; the PIN check alone (the kiosk's admin screen).
#include <doctest/doctest.h>

#include "staff/staff_book.h"
#include "support/test_store.h"
#include "sync/sync_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {
StaffPolicy fast_policy() {
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();
  return policy;
}
}  // namespace

TEST_CASE("a PIN is stored hashed and logs in for the counter asked") {
  TestStore s;
  StaffBook staff(*s.store, s.clock, fast_policy());
  REQUIRE(staff.add("Li Na", "2580", StaffRole::Counter).ok());
  Statement& q = s.store->db().prepare("SELECT pin_hash FROM staff");
  REQUIRE(q.step());
  const std::string stored = q.text(0);
  q.reset();
  CHECK(stored.rfind("$argon2id$", 0) == 0);
  CHECK(stored.find("2580") == std::string::npos);

  Result<StaffSession> session = staff.login("Li Na", "2580", 2);
  REQUIRE(session.ok());
  CHECK(session.value().token.size() == 64);
  CHECK(session.value().counter == 2);
  Result<StaffSession> again = staff.authenticate(session.value().token);
  REQUIRE(again.ok());
  CHECK(again.value().staff_name == "Li Na");
  CHECK(again.value().counter == 2);
  Statement& tokens = s.store->db().prepare("SELECT count(*) FROM staff_session WHERE token_hash = ?1");
  tokens.bind(1, session.value().token);
  tokens.step();
  CHECK(tokens.int64(0) == 0);  // the token itself is never stored
  tokens.reset();
}

TEST_CASE("bad PINs, duplicate names and unknown counters are refused") {
  TestStore s;
  StaffBook staff(*s.store, s.clock, fast_policy());
  for (const char* pin : {"", "123", "123456789", "12a4", "１２３４"})
    CHECK(staff.add("Wang", pin, StaffRole::Counter).error().code == "bad-pin");
  REQUIRE(staff.add("Wang", "1234", StaffRole::Counter).ok());
  CHECK(staff.add("Wang", "9999", StaffRole::Admin).error().code == "duplicate-name");
  CHECK(staff.add("", "9999", StaffRole::Admin).error().kind == ErrorKind::InvalidArgument);
  CHECK(staff.login("Wang", "1234", 99).error().code == "unknown-counter");
  CHECK(staff.login("Nobody", "1234", 1).error().code == "wrong-pin");
  CHECK(staff.list().value().size() == 1);
}

TEST_CASE("five wrong PINs lock the account; the lockout ends by itself") {
  TestStore s;
  StaffBook staff(*s.store, s.clock, fast_policy());
  REQUIRE(staff.add("Zhao", "4321", StaffRole::Counter).ok());
  for (int i = 0; i < 4; ++i) CHECK(staff.login("Zhao", "0000", 1).error().code == "wrong-pin");
  REQUIRE(staff.login("Zhao", "4321", 1).ok());  // a right PIN resets the count
  for (int i = 0; i < 5; ++i) CHECK(staff.login("Zhao", "0000", 1).error().code == "wrong-pin");
  CHECK(staff.login("Zhao", "4321", 1).error().code == "locked-out");
  CHECK(staff.list().value().front().locked);
  REQUIRE(staff.locked_until("Zhao").has_value());
  s.clock.advance_ms(StaffPolicy{}.lockout_ms - 1);
  CHECK(staff.login("Zhao", "4321", 1).error().code == "locked-out");
  s.clock.advance_ms(1);
  CHECK(staff.login("Zhao", "4321", 1).ok());
}

TEST_CASE("check_pin: any role, no session, the same failure count and lockout as the logins") {
  TestStore s;
  StaffBook staff(*s.store, s.clock, fast_policy());
  REQUIRE(staff.add("Qian", "1357", StaffRole::Counter).ok());
  REQUIRE(staff.add("Sun", "2468", StaffRole::Technician).ok());
  Result<StaffMember> counter = staff.check_pin("Qian", "1357");
  REQUIRE(counter.ok());
  CHECK(counter.value().role == StaffRole::Counter);
  CHECK(staff.check_pin("Sun", "2468").ok());
  CHECK(staff.check_pin("Nobody", "1357").error().code == "wrong-pin");
  Statement& sessions = s.store->db().prepare("SELECT count(*) FROM staff_session");
  sessions.step();
  CHECK(sessions.int64(0) == 0);
  sessions.reset();

  for (int i = 0; i < 3; ++i) CHECK(staff.check_pin("Qian", "0000").error().code == "wrong-pin");
  for (int i = 0; i < 2; ++i) CHECK(staff.login("Qian", "0000", 1).error().code == "wrong-pin");
  CHECK(staff.check_pin("Qian", "1357").error().code == "locked-out");  // five wrong, by either door
  CHECK(staff.login("Qian", "1357", 1).error().code == "locked-out");
  s.clock.advance_ms(StaffPolicy{}.lockout_ms);
  CHECK(staff.check_pin("Qian", "1357").ok());
}

TEST_CASE("sessions expire, end at logout, and unknown tokens are refused") {
  TestStore s;
  StaffPolicy policy = fast_policy();
  policy.session_ms = 60'000;
  StaffBook staff(*s.store, s.clock, policy);
  REQUIRE(staff.add("Chen", "7777", StaffRole::Counter).ok());
  const std::string first = staff.login("Chen", "7777", 1).value().token;
  const std::string second = staff.login("Chen", "7777", 3).value().token;
  CHECK(first != second);
  CHECK(staff.authenticate("not-a-token").error().code == "invalid-token");
  REQUIRE(staff.logout(second).ok());
  CHECK(staff.authenticate(second).error().code == "invalid-token");
  s.clock.advance_ms(59'999);
  CHECK(staff.authenticate(first).ok());
  s.clock.advance_ms(1);
  CHECK(staff.authenticate(first).error().code == "expired-token");
}

TEST_CASE("a store that syncs with HQ makes no staff of its own: HQ keeps them") {
  TestStore s;
  StaffBook staff(*s.store, s.clock, fast_policy());
  REQUIRE(staff.add("Li Na", "2580", StaffRole::Counter).ok());  // a store on its own may
  REQUIRE(SyncStore(*s.store, s.clock).configure("http://127.0.0.1:9", "token").ok());
  const Result<StaffMember> refused = staff.add("Zhou", "2468", StaffRole::Technician);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::Refused);
  CHECK(refused.error().code == "staff-at-hq");
  CHECK(refused.error().message.find("hq staff add") != std::string::npos);
  CHECK(staff.list().value().size() == 1);
}
