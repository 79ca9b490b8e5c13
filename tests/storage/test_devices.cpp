// Enrolled devices on a real store file (DeviceBook, schema 15): a code
// enrols once within its five minutes, wrong codes void the open ones, a
// revoked device is refused, and only hashes of codes and tokens are stored.
#include <doctest/doctest.h>

#include "staff/device_book.h"
#include "support/test_store.h"

using namespace kiosk;
using kiosk::test::TestStore;

namespace {

std::string wrong_code_for(const std::string& code) { return code == "000000" ? "000001" : "000000"; }

std::int64_t count(StoreDb& store, const std::string& sql, const std::string& bound) {
  Statement& q = store.db().prepare(sql);
  q.bind(1, bound);
  q.step();
  const std::int64_t n = q.int64(0);
  q.reset();
  return n;
}

}  // namespace

TEST_CASE("a code enrols one device once, named by its label, and its token authenticates it") {
  TestStore s;
  DeviceBook devices(*s.store, s.clock);
  Result<EnrolCode> code = devices.issue_code("Counter 2 PC");
  REQUIRE(code.ok());
  CHECK(code.value().code.size() == 6);
  CHECK(code.value().expires_at == s.clock.now_ms() + 5 * 60 * 1000);
  CHECK(devices.open_codes().value() == 1);

  Result<Enrolment> enrolled = devices.enrol(code.value().code, DeviceKind::Counter, "pc-7");
  REQUIRE(enrolled.ok());
  CHECK(enrolled.value().device.name == "Counter 2 PC");
  CHECK(enrolled.value().token.size() == 64);
  CHECK(devices.open_codes().value() == 0);
  CHECK(count(*s.store, "SELECT count(*) FROM device WHERE token_hash = ?1", enrolled.value().token) == 0);
  CHECK(count(*s.store, "SELECT count(*) FROM device_enrol_code WHERE code_hash = ?1", code.value().code) == 0);

  Result<EnrolledDevice> me = devices.authenticate(enrolled.value().token);
  REQUIRE(me.ok());
  CHECK(me.value().kind == DeviceKind::Counter);
  CHECK(me.value().last_seen_at == s.clock.now_ms());

  Result<Enrolment> again = devices.enrol(code.value().code, DeviceKind::Counter, "pc-8");
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().code == "enrol-code-used");
  CHECK(devices.authenticate("").error().code == "device-not-enrolled");
  CHECK(devices.authenticate(std::string(64, 'a')).error().code == "device-not-enrolled");
}

TEST_CASE("a code expires after five minutes; without a label the device's own name is kept") {
  TestStore s;
  DeviceBook devices(*s.store, s.clock);
  const std::string late = devices.issue_code("").value().code;
  const std::string in_time = devices.issue_code("").value().code;
  s.clock.advance_ms(5 * 60 * 1000 - 1);
  Result<Enrolment> enrolled = devices.enrol(in_time, DeviceKind::Display, "Hall display");
  REQUIRE(enrolled.ok());
  CHECK(enrolled.value().device.name == "Hall display");
  s.clock.advance_ms(1);
  CHECK(devices.enrol(late, DeviceKind::Display, "x").error().code == "enrol-code-expired");
}

TEST_CASE("five wrong codes void every open code") {
  TestStore s;
  DeviceBook devices(*s.store, s.clock);
  const std::string code = devices.issue_code("").value().code;
  for (int i = 0; i < 4; ++i)
    CHECK(devices.enrol(wrong_code_for(code), DeviceKind::Counter, "x").error().code == "enrol-code-wrong");
  CHECK(devices.enrol("12ab56", DeviceKind::Counter, "x").error().code == "enrol-code-wrong");  // the fifth
  Result<Enrolment> late = devices.enrol(code, DeviceKind::Counter, "x");
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().code == "enrol-code-voided");
  CHECK(devices.open_codes().value() == 0);
  // A new code works: the count started again.
  CHECK(devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "x").ok());
}

TEST_CASE("wrong codes spread over more than ten minutes void nothing") {
  TestStore s;
  DeviceBook devices(*s.store, s.clock);
  for (int i = 0; i < 8; ++i) {
    CHECK(devices.enrol("999999", DeviceKind::Counter, "x").error().code == "enrol-code-wrong");
    s.clock.advance_ms(3 * 60 * 1000);
  }
  CHECK(devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "x").ok());
}

TEST_CASE("a revoked device is refused, listed as revoked, and bad names are refused") {
  TestStore s;
  DeviceBook devices(*s.store, s.clock);
  Result<Enrolment> a = devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "A");
  s.clock.advance_ms(1000);
  Result<Enrolment> b = devices.enrol(devices.issue_code("").value().code, DeviceKind::Display, "B");
  REQUIRE((a.ok() && b.ok()));
  REQUIRE(devices.revoke(a.value().device.id).ok());
  CHECK(devices.authenticate(a.value().token).error().code == "device-revoked");
  CHECK(devices.authenticate(b.value().token).ok());
  std::vector<EnrolledDevice> listed = devices.list().value();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].name == "B");
  CHECK(listed[1].revoked_at.has_value());
  CHECK(devices.revoke("no-such-device").error().code == "unknown-device");
  CHECK(devices.issue_code("two\nlines").error().code == "bad-field");
  CHECK(devices.enrol("123456", DeviceKind::Counter, "").error().code == "bad-field");
}
