// Request commands at a real hq over real HTTP: a technician's device and HQ
// (the hq command) move one request from the same version; the request ends
// in the same state whichever arrives first, the displaced command is
// reported as a conflict, and the store's request book takes HQ's decision
// from the change feed. Bad commands get clear errors and change nothing.
#include <doctest/doctest.h>

#include <thread>

#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A store on HQ with one drop-off repair request, assigned (version 2) and synced.
struct StoreWithRequest {
  explicit StoreWithRequest(HqFixture& hq) : data(hq.dir.file("store")) {
    REQUIRE(kioskctl(data, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", hq.add_device("S1")}).exit_code == 0);
    const CtlReply created = kioskctl(data, {"request", "create", "--product", "phone", "--problem", "no-power",
                                             "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    code = created.body["code"];
    // Staff are HQ's: Zhou reaches the store through its sync.
    REQUIRE(
        hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"}).exit_code ==
        0);
    REQUIRE(kioskctl(data, {"sync"}).exit_code == 0);
    REQUIRE(
        kioskctl(data, {"request", "transition", "--code", code, "--to", "assigned", "--assignee", "Zhou"}).exit_code ==
        0);
    REQUIRE(kioskctl(data, {"sync"}).exit_code == 0);
  }
  Json request() { return kioskctl(data, {"request", "show", "--code", code}).body; }
  std::string data;
  std::string code;
};

Json command(const std::string& id, const std::string& code, const std::string& action, int from_version,
             const std::string& store = "S1") {
  return Json{{"id", id},
              {"store", store},
              {"request", code},
              {"action", action},
              {"from_version", from_version},
              {"at", 1795400000000},
              {"data", Json::object()}};
}

HqAnswer send(HqFixture& hq, const std::string& token, const std::vector<Json>& commands) {
  return hq.post(token, "/sync/v1/commands", Json{{"commands", commands}}.dump());
}

// The request_status changes of the feed, in order.
std::vector<Json> status_changes(HqFixture& hq, const std::string& token) {
  const HqAnswer feed = hq.get(token, "/sync/v1/changes?limit=1000");
  REQUIRE(feed.status == 200);
  std::vector<Json> found;
  for (const Json& change : feed.body["changes"])
    if (change["kind"] == "request_status") found.push_back(change["data"]);
  return found;
}

const std::string kLowId = "00000000-0000-4000-8000-000000000001";
const std::string kHighId = "ffffffff-0000-4000-8000-000000000001";

struct Outcome {
  std::string hq_state;     // the last request_status in HQ's feed
  std::string store_state;  // the store's request after a sync
  Json loser;               // the losing command's result, asked again after both arrived
};

// A technician's device asks for on-site, HQ for scheduled, both from version 2.
Outcome device_and_hq(bool device_first) {
  HqFixture hq;
  hq.start();
  StoreWithRequest store(hq);
  const std::string technician = hq.add_device("S1");
  const Json on_site = command(kLowId, store.code, "on-site", 2);
  const auto hq_schedules = [&] {
    return hq.hq(
        {"request", "transition", "--store", "S1", "--request", store.code, "--to", "scheduled", "--version", "2"});
  };
  if (device_first) {
    const HqAnswer first = send(hq, technician, {on_site});
    REQUIRE(first.status == 200);
    CHECK(first.body["results"][0]["outcome"] == "applied");
    CHECK(first.body["results"][0]["version"] == 3);
    const HqCommand second = hq_schedules();
    CHECK(second.exit_code == 0);
    CHECK(second.lines.back()["outcome"] == "applied");
  } else {
    CHECK(hq_schedules().exit_code == 0);
    const HqAnswer second = send(hq, technician, {on_site});
    REQUIRE(second.status == 200);
    CHECK(second.body["results"][0]["outcome"] == "conflict");
  }
  Outcome outcome;
  const std::vector<Json> statuses = status_changes(hq, technician);
  REQUIRE(!statuses.empty());
  outcome.hq_state = statuses.back()["status"];
  if (device_first) CHECK(statuses.back()["displaced"] == kLowId);     // the conflict is in the feed too
  outcome.loser = send(hq, technician, {on_site}).body["results"][0];  // the same id: its result as it stands
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  outcome.store_state = store.request()["state"];
  return outcome;
}

// Two technicians' devices, from version 2: the smaller command id stands.
std::string two_devices(bool low_first) {
  HqFixture hq;
  hq.start();
  StoreWithRequest store(hq);
  const std::string a = hq.add_device("S1"), b = hq.add_device("S1");
  const Json low = command(kLowId, store.code, "scheduled", 2), high = command(kHighId, store.code, "on-site", 2);
  if (low_first) {
    CHECK(send(hq, a, {low}).body["results"][0]["outcome"] == "applied");
    CHECK(send(hq, b, {high}).body["results"][0]["outcome"] == "conflict");
  } else {
    CHECK(send(hq, b, {high}).body["results"][0]["outcome"] == "applied");
    CHECK(send(hq, a, {low}).body["results"][0]["outcome"] == "applied");  // displaces the other
    CHECK(send(hq, b, {high}).body["results"][0]["outcome"] == "conflict");
  }
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  return store.request()["state"];
}

}  // namespace

TEST_CASE("a technician's command and HQ's from the same version: the same end whatever the order, one conflict") {
  const Outcome device_first = device_and_hq(true);
  const Outcome hq_first = device_and_hq(false);
  CHECK(device_first.hq_state == "scheduled");
  CHECK(hq_first.hq_state == "scheduled");
  CHECK(device_first.store_state == "scheduled");
  CHECK(hq_first.store_state == "scheduled");
  CHECK(device_first.loser["outcome"] == "conflict");
  CHECK(device_first.loser["code"] == "displaced");
  CHECK(hq_first.loser["outcome"] == "conflict");
  CHECK(hq_first.loser["code"] == "version-conflict");
  CHECK(device_first.loser["status"] == "scheduled");
  CHECK(hq_first.loser["status"] == "scheduled");
}

TEST_CASE("two devices' commands from the same version: the smaller command id stands in either order") {
  CHECK(two_devices(true) == "scheduled");
  CHECK(two_devices(false) == "scheduled");
}

TEST_CASE("two hq processes on one database take two devices' commands at the same moment: the same one stands") {
  HqFixture hq;
  hq.start();
  const int second = hq.start_another();
  StoreWithRequest store(hq);
  const std::string a = hq.add_device("S1"), b = hq.add_device("S1");
  for (int round = 0; round < 8; ++round) {
    CAPTURE(round);
    const CtlReply created =
        kioskctl(store.data, {"request", "create", "--product", "phone", "--problem", "no-power", "--name", "Li",
                              "--phone", "13812345678", "--consent", "--drop-off"});
    REQUIRE(created.exit_code == 0);
    const std::string code = created.body["code"];
    REQUIRE(kioskctl(store.data, {"request", "transition", "--code", code, "--to", "assigned", "--assignee", "Zhou"})
                .exit_code == 0);
    REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
    const std::string low_id = "0000000" + std::to_string(round) + "-0000-4000-8000-000000000001";
    const std::string high_id = "f000000" + std::to_string(round) + "-0000-4000-8000-000000000001";
    const Json low = command(low_id, code, "scheduled", 2), high = command(high_id, code, "on-site", 2);
    std::thread to_first([&] { send(hq, a, {low}); });
    std::thread to_second([&] { hq.post(b, "/sync/v1/commands", Json{{"commands", {high}}}.dump(), {}, second); });
    to_first.join();
    to_second.join();
    // Asked again (the same ids), whichever process decided first.
    CHECK(send(hq, a, {low}).body["results"][0]["outcome"] == "applied");
    const Json loser = send(hq, b, {high}).body["results"][0];
    CHECK(loser["outcome"] == "conflict");
    CHECK(loser["status"] == "scheduled");
    CHECK(loser["version"] >= 3);  // 4 when it arrived first and was displaced
  }
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  CHECK(store.request()["state"] == "assigned");  // the first request was never commanded
}

TEST_CASE(
    "bad commands: unknown request, illegal transition, stale version, wrong store, malformed: clear errors, nothing "
    "half") {
  HqFixture hq;
  hq.start();
  StoreWithRequest store(hq);
  const std::string technician = hq.add_device("S1");
  const std::string id1 = "10000000-0000-4000-8000-000000000001", id2 = "20000000-0000-4000-8000-000000000002",
                    id4 = "40000000-0000-4000-8000-000000000004";
  // The stale command's id is above any random one: it never outranks the
  // store's own latest transition (made from the same version 1).
  const std::string id3 = "ffffffff-ffff-4fff-bfff-fffffffffff3";

  // A command of another store refuses the whole body: the legal one beside it is not taken.
  const HqAnswer wrong =
      send(hq, technician, {command(id1, store.code, "on-site", 2), command(id2, store.code, "on-site", 2, "S2")});
  CHECK(wrong.status == 403);
  CHECK(wrong.error_code() == "wrong-store");
  // Malformed: nothing taken either.
  Json no_version = command(id1, store.code, "on-site", 2);
  no_version.erase("from_version");
  const HqAnswer missing = send(hq, technician, {command(id2, store.code, "on-site", 2), no_version});
  CHECK(missing.status == 400);
  CHECK(missing.error_code() == "missing-field");
  CHECK(missing.body["error"]["message"].get<std::string>().find("from_version") != std::string::npos);
  CHECK(hq.post(technician, "/sync/v1/commands", "{\"commands\": [").error_code() == "bad-json");
  CHECK(send(hq, "", {command(id1, store.code, "on-site", 2)}).error_code() == "missing-token");
  CHECK(status_changes(hq, technician).empty());

  const HqAnswer answer = send(hq, technician,
                               {command(id1, "R222-2222", "on-site", 2), command(id2, store.code, "done", 2),
                                command(id3, store.code, "on-site", 1), command(id4, store.code, "bogus", 2)});
  REQUIRE(answer.status == 200);
  const Json& results = answer.body["results"];
  REQUIRE(results.size() == 4);
  CHECK(results[0]["outcome"] == "rejected");
  CHECK(results[0]["code"] == "unknown-request");
  CHECK(results[1]["outcome"] == "rejected");
  CHECK(results[1]["code"] == "illegal-transition");
  CHECK(results[1]["message"].get<std::string>().find("allowed next") != std::string::npos);
  CHECK(results[2]["outcome"] == "conflict");
  CHECK(results[2]["code"] == "version-conflict");
  CHECK(results[2]["version"] == 2);
  CHECK(results[2]["status"] == "assigned");
  CHECK(results[3]["code"] == "bad-state");
  CHECK(status_changes(hq, technician).empty());  // nothing decided

  const HqCommand stale =
      hq.hq({"request", "transition", "--store", "S1", "--request", store.code, "--to", "on-site", "--version", "5"});
  CHECK(stale.exit_code == 3);
  CHECK(hq.hq({"request", "transition", "--store", "S1", "--request", store.code, "--to", "on-site", "--version", "x"})
            .exit_code == 2);
  CHECK(hq.hq({"request", "transition", "--store", "S9", "--request", store.code, "--to", "on-site", "--version", "2"})
            .exit_code == 2);

  // The request is as it was: a legal command from version 2 goes through.
  const HqAnswer legal =
      send(hq, technician, {command("50000000-0000-4000-8000-000000000005", store.code, "on-site", 2)});
  CHECK(legal.body["results"][0]["outcome"] == "applied");
  CHECK(legal.body["results"][0]["version"] == 3);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  const Json request = store.request();
  CHECK(request["state"] == "on-site");
  CHECK(request["version"] == 3);
}
