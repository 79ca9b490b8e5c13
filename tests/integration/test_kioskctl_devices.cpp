// kioskctl device enrol | list | revoke on a real store file: the code and
// when it expires, the node's fingerprint once the node has made its key (null
// with "no-tls-identity" before), the code enrolling a device through
// DeviceBook, the list with both states, a revoked device refused, and clear
// errors (unknown id, a label too long, bad usage) that store nothing.
#include <doctest/doctest.h>

#include <regex>

#include "http/key_pin.h"
#include "http_server/tls_identity.h"
#include "kioskctl_runner.h"
#include "staff/device_book.h"
#include "store/store_db.h"
#include "support/temp_dir.h"

using namespace kiosk;
using kiosk::test::kioskctl;
using kiosk::test::Reply;
using kiosk::test::TempDir;

namespace {

std::string init_store(const TempDir& dir) {
  const std::string data = dir.file("store");
  REQUIRE(kioskctl(data, {"init", "--store", "SH-001", "--tz", "Asia/Shanghai"}).exit_code == 0);
  return data;
}

int open_codes(const std::string& data) {
  auto store = StoreDb::open(data);
  REQUIRE(store);
  SystemClock clock;
  const Result<int> open = DeviceBook(*store.value(), clock).open_codes();
  REQUIRE(open);
  return open.value();
}

}  // namespace

TEST_CASE("kioskctl device: enrol before and after the node's key, the code enrols, list, revoke refuses") {
  TempDir dir;
  const std::string data = init_store(dir);

  const Reply early = kioskctl(data, {"device", "enrol"});
  REQUIRE(early.exit_code == 0);
  CHECK(std::regex_match(early.body["code"].get<std::string>(), std::regex("[0-9]{6}")));
  CHECK(early.body["fingerprint"].is_null());
  CHECK(early.body["fingerprint_error"] == "no-tls-identity");
  CHECK(early.body["label"] == "");

  const Result<http_server::TlsIdentity> identity =
      http_server::load_or_create_tls_identity(http_server::node_tls_dir(data), "SH-001");  // as the node's first start
  REQUIRE(identity);
  const Reply enrol = kioskctl(data, {"device", "enrol", "--label", "Counter 2"});
  REQUIRE(enrol.exit_code == 0);
  const std::string code = enrol.body["code"];
  CHECK(std::regex_match(code, std::regex("[0-9]{6}")));
  CHECK(enrol.body["label"] == "Counter 2");
  CHECK(enrol.body["fingerprint"] == http::fingerprint_of_pin(identity.value().pin));
  CHECK(enrol.body["fingerprint"].get<std::string>().size() == 9);
  CHECK_FALSE(enrol.body.contains("fingerprint_error"));
  SystemClock clock;
  const EpochMs expires_at = enrol.body["expires_at"];
  CHECK(expires_at - clock.now_ms() > 4 * 60'000);
  CHECK(expires_at - clock.now_ms() <= DevicePolicy{}.code_valid_ms);
  CHECK(std::regex_match(enrol.body["expires_local"].get<std::string>(), std::regex("[0-2][0-9]:[0-5][0-9]")));
  CHECK(open_codes(data) == 2);

  std::string token, id;
  {
    auto store = StoreDb::open(data);
    REQUIRE(store);
    const Result<Enrolment> enrolled = DeviceBook(*store.value(), clock).enrol(code, DeviceKind::Counter, "PC-7");
    REQUIRE(enrolled);
    CHECK(enrolled.value().device.name == "Counter 2");  // the code's label
    token = enrolled.value().token;
    id = enrolled.value().device.id;
  }

  const Reply list = kioskctl(data, {"device", "list"});
  REQUIRE(list.exit_code == 0);
  REQUIRE(list.body["devices"].size() == 1);
  const nlohmann::json& listed = list.body["devices"][0];
  CHECK(listed["id"] == id);
  CHECK(listed["name"] == "Counter 2");
  CHECK(listed["kind"] == "counter");
  CHECK(listed["enrolled_at"].is_number());
  CHECK(listed["revoked_at"].is_null());
  CHECK(listed.contains("last_seen_at"));
  CHECK(listed["state"] == "enrolled");

  const Reply revoked = kioskctl(data, {"device", "revoke", id});
  REQUIRE(revoked.exit_code == 0);
  CHECK(revoked.body["id"] == id);
  CHECK(revoked.body["state"] == "revoked");
  CHECK(revoked.body["revoked_at"].is_number());
  CHECK(kioskctl(data, {"device", "list"}).body["devices"][0]["state"] == "revoked");
  auto store = StoreDb::open(data);
  REQUIRE(store);
  const Result<EnrolledDevice> refused = DeviceBook(*store.value(), clock).authenticate(token);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "device-revoked");
}

TEST_CASE("kioskctl device: an unknown id, a label too long and bad usage are clear errors that store nothing") {
  TempDir dir;
  const std::string data = init_store(dir);

  const Reply unknown = kioskctl(data, {"device", "revoke", "no-such-device"});
  CHECK(unknown.exit_code == 2);  // an unknown name, as kioskctl's other commands
  CHECK(unknown.body["error"].get<std::string>().find("no-such-device") != std::string::npos);

  const Reply long_label = kioskctl(data, {"device", "enrol", "--label", std::string(81, 'x')});
  CHECK(long_label.exit_code == 2);
  CHECK(long_label.body["error"].is_string());
  CHECK(open_codes(data) == 0);

  CHECK(kioskctl(data, {"device", "revoke"}).exit_code == 2);
  CHECK(kioskctl(data, {"device", "unplug"}).exit_code == 2);
  CHECK(kioskctl(data, {"device", "list", "--all"}).exit_code == 2);
  CHECK(kioskctl(data, {"device", "enrol", "--label"}).exit_code == 2);
  CHECK(kioskctl(data, {"device", "list"}).body["devices"].empty());
}
