// The requests' outcomes on a real hq fed by a real store (`kioskctl sync`):
// requests done the first time, after a wait for parts, and done then
// reopened, counted from the steps the store uploaded, in total, per store
// and per technician; a range without them counts none; a schema-5 database
// gets the steps of its uploaded records when migrated.
#include <doctest/doctest.h>

#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr const char* kOutcomes = "/api/console/v1/reports/request-outcomes";

std::string shanghai_day(int days_from_now) {
  return StoreTimeZone::load("Asia/Shanghai")
      .value()
      .business_day(SystemClock().now_ms() + days_from_now * 24LL * 3'600'000);
}

// An hq with store S1 syncing to it, its technician Zhou, the manager logged in.
struct Outcomes {
  ConsoleHq c;
  std::string store;
  std::string technician;
  ConsoleClient manager{0};

  Outcomes() : store(c.hq.dir.file("store")) {
    c.hq.start();
    const HqCommand added =
        c.hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
    REQUIRE(added.exit_code == 0);
    technician = added.lines.at(0)["staff"];
    REQUIRE(kioskctl(store, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(store, {"hq", "set", "--url", c.hq.url(), "--token", c.hq.add_device("S1")}).exit_code == 0);
    sync();  // Zhou reaches the store
    manager = ConsoleClient(c.hq.port);
    REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  }
  void sync() { REQUIRE(kioskctl(store, {"sync"}).exit_code == 0); }
  // A drop-off repair taken through `steps` (the first assigns it to Zhou).
  std::string request(const std::vector<std::string>& steps) {
    const CtlReply created = kioskctl(store, {"request", "create", "--product", "phone", "--problem", "no-power",
                                              "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    const std::string code = created.body["code"];
    for (const std::string& to : steps) {
      std::vector<std::string> args{"request", "transition", "--code", code, "--to", to};
      if (to == "assigned") args.insert(args.end(), {"--assignee", "Zhou"});
      const CtlReply moved = kioskctl(store, args);
      REQUIRE_MESSAGE(moved.exit_code == 0, (to + " " + moved.body.dump()));
    }
    return code;
  }
  Json report(const std::string& from, const std::string& to) {
    const HqAnswer answer = manager.get(std::string(kOutcomes) + "?from=" + from + "&to=" + to);
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    return answer.body;
  }
};

}  // namespace

TEST_CASE("requests done the first time, after a wait for parts, and reopened are counted from the store's steps") {
  Outcomes o;
  o.request({"assigned", "on-site", "done"});
  o.request({"assigned", "on-site", "waiting-for-parts", "on-the-way", "on-site", "done"});
  o.request({"assigned", "on-site", "done", "reopened"});
  o.request({"assigned"});  // still open
  o.sync();

  const std::string today = shanghai_day(0);
  const Json report = o.report(today, today);
  CHECK(report["total"]["done"] == 3);
  CHECK(report["total"]["first_time_fixed"] == 1);
  CHECK(report["total"]["first_time_fixed_share"].get<double>() == doctest::Approx(1.0 / 3));
  CHECK(report["total"]["reopened"] == 1);
  REQUIRE(report["stores"].size() == 1);
  CHECK(report["stores"][0]["store"] == "S1");
  CHECK(report["stores"][0]["done"] == 3);
  REQUIRE(report["technicians"].size() == 1);
  CHECK(report["technicians"][0]["id"] == o.technician);
  CHECK(report["technicians"][0]["name"] == "Zhou");
  CHECK(report["technicians"][0]["first_time_fixed"] == 1);
  CHECK(report["technicians"][0]["reopened"] == 1);

  o.sync();  // the same steps uploaded again change nothing
  CHECK(o.report(today, today)["total"] == report["total"]);
  const Json earlier = o.report(shanghai_day(-9), shanghai_day(-1));
  CHECK(earlier["total"]["done"] == 0);
  CHECK(earlier["total"]["first_time_fixed_share"].is_null());
  CHECK(earlier["stores"].empty());

  CHECK(o.manager.get(std::string(kOutcomes) + "?from=" + today + "&to=" + today + "&store=S9").status == 404);
  CHECK(o.manager.get(std::string(kOutcomes) + "?from=" + today).status == 400);
  ConsoleClient dispatcher(o.c.hq.port);
  REQUIRE(dispatcher.login("dan", kConsolePassword).status == 200);
  CHECK(dispatcher.get(std::string(kOutcomes) + "?from=" + today + "&to=" + today).status == 403);

  // A schema-5 database: the steps come from the uploaded records.
  o.c.hq.stop();
  o.c.hq.migrate_again_from(5);
  o.c.hq.start();
  REQUIRE(o.manager.login("mia", kConsolePassword).status == 200);
  CHECK(o.report(today, today)["total"] == report["total"]);
}
