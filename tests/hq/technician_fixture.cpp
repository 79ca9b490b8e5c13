// The technician tests' hq, store and tablet token (see technician_fixture.h).
#include "hq/technician_fixture.h"

#include <doctest/doctest.h>

#include "core/random_id.h"
#include "core/store_time_zone.h"

namespace kiosk::test {
namespace {

std::string day_after_tomorrow() {
  return StoreTimeZone::load("Asia/Shanghai").value().business_day(SystemClock().now_ms() + 2 * 86'400'000);
}

}  // namespace

TechnicianField::TechnicianField() : store(hq.dir.file("store")) {
  hq.start();
  technician = staff("Zhou", "technician");
  tablet = tablet_of(technician);
  REQUIRE(kioskctl(store, {"init", "--store", "S1"}).exit_code == 0);
  REQUIRE(kioskctl(store, {"hq", "set", "--url", hq.url(), "--token", hq.add_device("S1")}).exit_code == 0);
  sync();
}

std::string TechnicianField::staff(const std::string& name, const std::string& role) {
  const HqCommand added = hq.hq({"staff", "add", "--store", "S1", "--name", name, "--pin", "2468", "--role", role});
  REQUIRE(added.exit_code == 0);
  return added.lines.at(0)["staff"];
}

std::string TechnicianField::tablet_of(const std::string& staff_id) {
  const HqCommand added = hq.hq({"device", "add", "--technician", staff_id, "--label", "tablet"});
  REQUIRE(added.exit_code == 0);
  CHECK(added.lines.at(0)["technician"] == staff_id);
  return added.lines.at(0)["token"];
}

std::string TechnicianField::assigned_request(const std::string& to) {
  const CtlReply created = kioskctl(store, {"request", "create", "--product", "phone", "--problem", "no-power",
                                            "--name", "Li", "--phone", "13812345678", "--consent", "--address",
                                            "Room 1, No. 8", "--date", day_after_tomorrow(), "--window", "morning"});
  REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
  const std::string code = created.body["code"];
  sync();
  REQUIRE(hq.hq({"assign", "--request", code, "--technician", to}).exit_code == 0);
  sync();
  return code;
}

void TechnicianField::sync() {
  const CtlReply round = kioskctl(store, {"sync"});
  REQUIRE_MESSAGE(round.exit_code == 0, round.body.dump());
}

Json TechnicianField::changes(const std::string& token) {
  const HqAnswer feed = hq.get(token, "/sync/v1/changes?limit=1000");
  REQUIRE_MESSAGE(feed.status == 200, feed.raw);
  return feed.body["changes"];
}

std::vector<Json> TechnicianField::of_kind(const std::string& token, const std::string& kind) {
  std::vector<Json> found;
  for (const Json& change : changes(token))
    if (change["kind"] == kind) found.push_back(change);
  return found;
}

HqAnswer TechnicianField::step(const std::string& token, const std::string& code, const std::string& action,
                               int from_version, const Json& data) {
  const Json command{{"id", new_uuid()},
                     {"store", "S1"},
                     {"request", code},
                     {"action", action},
                     {"from_version", from_version},
                     {"at", SystemClock().now_ms()},
                     {"data", data}};
  return hq.post(token, "/sync/v1/commands", Json{{"commands", Json::array({command})}}.dump());
}

Json TechnicianField::on_store(const std::string& code) {
  return kioskctl(store, {"request", "show", "--code", code}).body;
}

}  // namespace kiosk::test
