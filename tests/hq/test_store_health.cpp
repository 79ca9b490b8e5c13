// The store's health reaches a real hq with every sync (`kioskctl sync`, the
// X-Kiosk-Health header) and `hq stores` lists each store's devices with their
// problems: a store's version, outbox and printer as reported; out of paper;
// never synced or silent too long ("down"); a backlog ("behind"). Reports HQ
// cannot read never fail the request they came with and store nothing of
// themselves. A no-op sync stays one request under 1 KB, headers included.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/program_version.h"
#include "core/random_id.h"
#include "hq/hq_fixture.h"
#include "store/printer_state.h"
#include "store/store_db.h"
#include "sync/health_report.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A store of S1 with HQ configured and its device token.
struct ReportingStore {
  explicit ReportingStore(HqFixture& hq) : data(hq.dir.file("store")), token(hq.add_device("S1")) {
    REQUIRE(kioskctl(data, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", token}).exit_code == 0);
  }
  void set_printer(PrinterState state, const std::string& message = "") {
    auto store = StoreDb::open(data);
    REQUIRE(store.ok());
    REQUIRE(record_printer_status(*store.value(), {state, message, SystemClock().now_ms()}).ok());
  }
  Json sync() {
    const CtlReply round = kioskctl(data, {"sync"});
    REQUIRE_MESSAGE(round.exit_code == 0, round.body.dump());
    return round.body;
  }
  std::string data;
  std::string token;
};

// `hq stores ARGS`: its lines by store, the device's line for S1.
struct StoreList {
  StoreList(HqFixture& hq, std::vector<std::string> args = {}) {
    args.insert(args.begin(), "stores");
    const HqCommand listed = hq.hq(args);
    REQUIRE(listed.exit_code == 0);
    lines = listed.lines;
  }
  const Json& line(const std::string& store) const {
    const auto found = std::find_if(lines.begin(), lines.end(), [&](const Json& l) { return l["store"] == store; });
    REQUIRE_MESSAGE(found != lines.end(), "no line for " << store);
    return *found;
  }
  bool has(const std::string& store, const std::string& problem) const {
    const Json& problems = line(store)["problems"];
    return std::find(problems.begin(), problems.end(), problem) != problems.end();
  }
  std::vector<Json> lines;
};

std::string good_report(std::int64_t pending) {
  HealthReport r;
  r.version = "9.9.9";
  r.pending = pending;
  r.database_bytes = 4096;
  r.disk_free_bytes = std::int64_t(100) << 30;
  r.disk_total_bytes = std::int64_t(200) << 30;
  r.integrity = "ok";
  r.at = SystemClock().now_ms();
  return encode_health(r);
}

}  // namespace

TEST_CASE(
    "after a sync HQ lists the store's device with its version, outbox and printer; a store without one is down") {
  HqFixture hq;
  hq.start();
  ReportingStore store(hq);
  for (int i = 0; i < 2; ++i) REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  store.set_printer(PrinterState::Ok);
  const Json round = store.sync();
  CHECK(round["health_bytes"].get<int>() > 100);
  CHECK(round["health_bytes"].get<int>() < 400);

  const StoreList list(hq);
  REQUIRE(list.lines.size() == 2);  // S1's device, S2 without one
  const Json& s1 = list.line("S1");
  CHECK(s1["device"].is_string());
  const Json& health = s1["health"];
  REQUIRE(health.is_object());
  CHECK(health["version"] == program_version());
  CHECK(health["started_at"].is_null());  // a one-off kioskctl sync, no process to tell of
  CHECK(health["pending"] == 2);          // as the round began
  CHECK(health["oldest_pending_s"].is_number_integer());
  CHECK(health["printer"]["state"] == "ok");
  CHECK(health["integrity"] == "ok");
  CHECK(health["database_bytes"].get<std::int64_t>() > 0);
  CHECK(health["disk_total_bytes"].get<std::int64_t>() >= health["disk_free_bytes"].get<std::int64_t>());
  CHECK(std::abs(health["received_at"].get<std::int64_t>() - SystemClock().now_ms()) < 60000);
  CHECK_FALSE(list.has("S1", "down"));
  CHECK_FALSE(list.has("S1", "out-of-paper"));
  CHECK_FALSE(list.has("S1", "behind"));
  CHECK_FALSE(list.has("S1", "integrity"));

  const Json& s2 = list.line("S2");
  CHECK(s2["device"].is_null());
  CHECK(s2["health"].is_null());
  CHECK(s2["problems"] == Json::array({"down"}));

  // The next round reports the outbox as it then is: empty.
  store.sync();
  CHECK(StoreList(hq).line("S1")["health"]["pending"] == 0);
}

TEST_CASE(
    "a store whose printer ran out of paper is listed out-of-paper; near its end paper-low; kioskctl status shows it") {
  HqFixture hq;
  hq.start();
  ReportingStore store(hq);
  store.set_printer(PrinterState::PaperOut, "printer /dev/usb/lp0 is out of paper");
  const Json status = kioskctl(store.data, {"status"}).body;
  CHECK(status["printer"]["state"] == "paper-out");
  CHECK(status["printer"]["message"] == "printer /dev/usb/lp0 is out of paper");
  CHECK(status["printer"]["checked_at"].is_number_integer());
  store.sync();
  StoreList out(hq);
  CHECK(out.has("S1", "out-of-paper"));
  CHECK(out.line("S1")["health"]["printer"]["message"] == "printer /dev/usb/lp0 is out of paper");

  store.set_printer(PrinterState::PaperNearEnd);
  store.sync();
  CHECK(StoreList(hq).has("S1", "paper-low"));
  CHECK_FALSE(StoreList(hq).has("S1", "out-of-paper"));

  store.set_printer(PrinterState::Failed, "cannot open printer /dev/usb/lp0: No such file or directory");
  store.sync();
  CHECK(StoreList(hq).has("S1", "out-of-paper"));
}

TEST_CASE("kioskctl status shows no printer state before the first check") {
  HqFixture hq;
  ReportingStore store(hq);
  CHECK(kioskctl(store.data, {"status"}).body["printer"].is_null());
}

TEST_CASE("a device that never synced, or not within the window, is down; a backlog older than the window is behind") {
  HqFixture hq;
  hq.start();
  ReportingStore store(hq);
  CHECK(StoreList(hq).line("S1")["health"].is_null());
  CHECK(StoreList(hq).line("S1")["problems"] == Json::array({"down"}));

  // A ticket issued three hours ago, still waiting when the round begins.
  REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}, -3 * 3'600'000LL).exit_code == 0);
  store.sync();
  CHECK(StoreList(hq).line("S1")["health"]["oldest_pending_s"].get<std::int64_t>() >= 3 * 3600 - 60);
  CHECK(StoreList(hq).has("S1", "behind"));
  CHECK_FALSE(StoreList(hq, {"--behind-after-minutes", "240"}).has("S1", "behind"));
  CHECK_FALSE(StoreList(hq).has("S1", "down"));

  // Its last report 20 minutes old at HQ: down with the 15-minute window, not with 30.
  hq.sql("UPDATE device_health SET received_at = received_at - 20 * 60000");
  CHECK(StoreList(hq).has("S1", "down"));
  CHECK_FALSE(StoreList(hq, {"--down-after-minutes", "30"}).has("S1", "down"));
  CHECK(StoreList(hq).line("S1")["health"]["version"] == program_version());  // the last report is still shown

  const HqCommand bad = hq.hq({"stores", "--down-after-minutes", "0"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.lines.at(0)["error"].get<std::string>().find("down-after-minutes") != std::string::npos);
}

TEST_CASE("health reports HQ cannot read never fail the sync request and store nothing of themselves") {
  HqFixture hq;
  hq.start();
  ReportingStore store(hq);
  const std::vector<std::string> bad{
      "{not json",
      std::string(4000, 'x'),
      "{\"version\": 1, \"printer\": null, \"pending\": 0, \"db_bytes\": 0, \"disk_free\": 0, \"disk_total\": 0, "
      "\"integrity\": \"ok\", \"at\": 0}",
      "{\"version\": \"1\", \"printer\": {\"state\": \"on-fire\", \"message\": \"\", \"checked_at\": 0}, \"pending\": "
      "0, "
      "\"db_bytes\": 0, \"disk_free\": 0, \"disk_total\": 0, \"integrity\": \"ok\", \"at\": 0}",
      "{\"version\": \"1\", \"printer\": null, \"pending\": -5, \"db_bytes\": 0, \"disk_free\": 0, \"disk_total\": 0, "
      "\"integrity\": \"ok\", \"at\": 0}",
      "[]",
  };
  for (const std::string& header : bad) {
    CAPTURE(header.substr(0, 80));
    const HqAnswer feed = hq.get(store.token, "/sync/v1/changes", {{kHealthHeader, header}});
    CHECK(feed.status == 200);
    CHECK(feed.body["changes"].is_array());
  }
  const HqAnswer upload =
      hq.post(store.token, "/sync/v1/upload", upload_body(new_uuid(), "b1", {}).dump(), {{kHealthHeader, "{broken"}});
  CHECK(upload.status == 200);

  StoreList none(hq);
  CHECK(none.line("S1")["health"].is_null());
  CHECK(none.line("S1")["ignored_reports"]["count"] == bad.size() + 1);
  CHECK(none.line("S1")["ignored_reports"]["last_reason"].get<std::string>().find("not valid JSON") !=
        std::string::npos);

  // A good report, then a bad one: the good one stays as it was.
  REQUIRE(hq.get(store.token, "/sync/v1/changes", {{kHealthHeader, good_report(7)}}).status == 200);
  const Json kept = StoreList(hq).line("S1")["health"];
  CHECK(kept["version"] == "9.9.9");
  CHECK(kept["pending"] == 7);
  const HqAnswer after_bad =
      hq.get(store.token, "/sync/v1/changes", {{kHealthHeader, "{\"version\": \"x\", \"pending\": 1}"}});
  REQUIRE_MESSAGE(after_bad.status == 200, after_bad.raw);
  CHECK(StoreList(hq).line("S1")["health"] == kept);
  CHECK(StoreList(hq).line("S1")["ignored_reports"]["last_reason"].get<std::string>().find("printer") !=
        std::string::npos);

  // And the store's own syncs go on as before.
  store.sync();
  CHECK(StoreList(hq).line("S1")["health"]["version"] == program_version());
}

TEST_CASE("a no-op sync is still one request under 1 KB, headers and health report included") {
  HqFixture hq;
  hq.start();
  ReportingStore store(hq);
  store.set_printer(PrinterState::PaperNearEnd, "printer /dev/usb/lp0 is near the end of its paper");
  store.sync();
  const Json noop = store.sync();
  CHECK(noop["requests"] == 1);
  CHECK(noop["bytes_sent"] == 0);
  CHECK(noop["wire_bytes"].get<int>() > 0);
  CHECK(noop["wire_bytes"].get<int>() < 1024);
  MESSAGE("no-op sync: " << noop["requests"] << " request, " << noop["wire_bytes"]
                         << " bytes on the wire both ways, of which " << noop["health_bytes"]
                         << " bytes of health report");
}
