// Request transitions made at a store travel to a real hq as commands in the
// store's own sync round (`kioskctl sync`, libcurl): transitions made offline
// before HQ had the request are taken as uploaded; a store's transition and
// HQ's from the same version end in the same state whichever HQ saw first,
// with the store's reported as refused; commands built on a refused one are
// dropped, never applied to a state they were not meant for.
#include <doctest/doctest.h>

#include "hq/hq_fixture.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A store on HQ with one drop-off repair request, assigned to a technician.
struct StoreWithRequest {
  explicit StoreWithRequest(HqFixture& hq) : data(hq.dir.file("store")), token(hq.add_device("S1")) {
    REQUIRE(kioskctl(data, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", token}).exit_code == 0);
    const CtlReply created = kioskctl(data, {"request", "create", "--product", "phone", "--problem", "no-power",
                                             "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    code = created.body["code"];
    // Staff are HQ's: Zhou reaches the store through its sync.
    REQUIRE(
        hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"}).exit_code ==
        0);
    REQUIRE(kioskctl(data, {"sync"}).exit_code == 0);
    to("assigned", {"--assignee", "Zhou"});
  }
  void to(const std::string& state, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"request", "transition", "--code", code, "--to", state};
    args.insert(args.end(), more.begin(), more.end());
    const CtlReply moved = kioskctl(data, args);
    REQUIRE_MESSAGE(moved.exit_code == 0, moved.body.dump());
  }
  Json request() { return kioskctl(data, {"request", "show", "--code", code}).body; }
  Json sync() {
    const CtlReply round = kioskctl(data, {"sync"});
    CHECK_MESSAGE(round.exit_code == 0, round.body.dump());
    return round.body;
  }
  // Each command's outcome and code, oldest first.
  std::vector<std::pair<std::string, std::string>> commands() {
    auto store = StoreDb::open(data);
    REQUIRE(store.ok());
    Statement& q =
        store.value()->db().prepare("SELECT coalesce(outcome, 'waiting'), code FROM request_command ORDER BY rowid");
    std::vector<std::pair<std::string, std::string>> found;
    while (q.step()) found.emplace_back(q.text(0), q.text(1));
    q.reset();
    return found;
  }
  std::string data;
  std::string token;  // the store's device
  std::string code;
};

// HQ's latest request_status of the request, through the feed (read with the
// store's token: the store keeps its own cursor).
Json hq_status(HqFixture& hq, const StoreWithRequest& store) {
  const std::string& code = store.code;
  const HqAnswer feed = hq.get(store.token, "/sync/v1/changes?limit=1000");
  REQUIRE_MESSAGE(feed.status == 200, feed.raw);
  Json latest;
  for (const Json& change : feed.body["changes"])
    if (change["kind"] == "request_status" && change["key"] == code) latest = change["data"];
  return latest;
}

void hq_schedules(HqFixture& hq, const std::string& code, int from_version) {
  const HqCommand moved = hq.hq({"request", "transition", "--store", "S1", "--request", code, "--to", "scheduled",
                                 "--version", std::to_string(from_version)});
  REQUIRE(moved.exit_code == 0);
}

using Outcomes = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE(
    "transitions made at the store before HQ had the request are taken as uploaded; later ones are HQ's decisions") {
  HqFixture hq;
  hq.start();
  StoreWithRequest store(hq);
  store.to("on-site");  // offline: nothing synced yet
  const Json first = store.sync();
  CHECK(first["commands"] == 2);
  CHECK(first["commands_refused"] == 0);
  CHECK(store.commands() == Outcomes{{"applied", ""}, {"applied", ""}});
  CHECK(hq.exported("S1", "requests")[0]["data"]["state"] == "on-site");

  store.to("waiting-for-parts");
  store.sync();
  CHECK(store.commands().back() == std::make_pair(std::string("applied"), std::string()));
  CHECK(hq.exported("S1", "requests")[0]["data"]["state"] == "waiting-for-parts");
  CHECK(store.request()["state"] == "waiting-for-parts");
  CHECK(store.request()["version"] == 4);
  hq_schedules(hq, store.code, 4);  // HQ decides from what the store uploaded
  store.sync();
  CHECK(hq_status(hq, store)["version"] == 5);
  CHECK(store.request()["state"] == "scheduled");
  const Json shown = kioskctl(store.data, {"status"}).body["sync"];
  CHECK(shown["commands_waiting"] == 0);
  CHECK(shown["commands_refused"] == 0);
}

TEST_CASE(
    "the store's transition and HQ's from the same version: the same end whatever HQ saw first, the store's refused") {
  for (const bool store_first : {true, false}) {
    CAPTURE(store_first);
    HqFixture hq;
    hq.start();
    StoreWithRequest store(hq);
    store.sync();  // HQ has the request, assigned (version 2)
    if (store_first) {
      store.to("on-site");
      store.sync();
      hq_schedules(hq, store.code, 2);  // outranks the store's on-site: displaces it
    } else {
      hq_schedules(hq, store.code, 2);
      store.to("on-site");
    }
    store.sync();
    CHECK(hq_status(hq, store)["status"] == "scheduled");
    CHECK(store.request()["state"] == "scheduled");
    const Outcomes outcomes = store.commands();
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes.back() ==
          std::make_pair(std::string("conflict"), std::string(store_first ? "displaced" : "version-conflict")));
    CHECK(kioskctl(store.data, {"status"}).body["sync"]["commands_refused"] == 1);
    CHECK(store.request()["events"].back()["by"] == "hq");
  }
}

TEST_CASE("commands built on a refused one are dropped, and the store takes HQ's state") {
  HqFixture hq;
  hq.start();
  StoreWithRequest store(hq);
  store.sync();
  hq_schedules(hq, store.code, 2);
  store.to("on-site");            // from 2: loses to HQ's scheduled
  store.to("waiting-for-parts");  // from 3: built on it
  const Json round = store.sync();
  CHECK(round["commands_refused"] == 1);
  CHECK(store.commands() == Outcomes{{"applied", ""}, {"conflict", "version-conflict"}, {"dropped", "after-refusal"}});
  const Json request = store.request();
  CHECK(request["state"] == "scheduled");
  CHECK(request["version"] == 3);
  CHECK(hq_status(hq, store)["version"] == 3);  // nothing applied to HQ's scheduled
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["commands_refused"] == 2);
}
