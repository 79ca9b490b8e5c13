// A store syncing with a real hq through `kioskctl sync` (libcurl, gzip):
// everything the store committed reaches HQ exactly once in its latest state,
// a no-op sync is one small request, configuration changed at HQ during an
// outage arrives, a device of another store or a revoked one is refused with
// nothing stored, a store whose clock is a year off syncs the same, and HQ
// killed with SIGKILL again and again during a backlog loses nothing.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "core/clock.h"
#include "hq/fault_proxy.h"
#include "hq/hq_fixture.h"
#include "hq/synced_store.h"
#include "queue/queue_engine.h"
#include "ratings/rating_book.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("tickets and ratings reach HQ once in their latest state; a no-op sync is one request under 1 KB") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  std::vector<std::string> labels;
  for (int i = 0; i < 5; ++i) labels.push_back(kioskctl(store.data, {"issue", "--service", "A"}).body["ticket"]);
  REQUIRE(kioskctl(store.data, {"call", "--counter", "1"}).exit_code == 0);
  const CtlReply finished = kioskctl(store.data, {"finish", "--counter", "1", "--outcome", "resolved"});
  REQUIRE(finished.exit_code == 0);
  {
    auto db = StoreDb::open(store.data);
    REQUIRE(db.ok());
    SystemClock clock;
    REQUIRE(RatingBook(*db.value(), clock).rate(finished.body["id"], 5, {}).ok());
  }
  const CtlReply pending = kioskctl(store.data, {"status"});
  CHECK(pending.body["sync"]["pending"] == 8);  // 5 issued, called, finished, 1 rating

  const CtlReply synced = kioskctl(store.data, {"sync"});
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.body.dump());
  CHECK(synced.body["uploaded"] == 8);
  CHECK(synced.body["pending"] == 0);
  const std::map<std::string, Json> tickets = by_id(hq.exported("S1", "tickets"));
  REQUIRE(tickets.size() == 5);
  const Json& done = tickets.at(finished.body["id"]);
  CHECK(done["data"]["state"] == "done");
  CHECK(done["data"]["outcome"] == "resolved");
  CHECK(done["data"]["estimated_wait_min"] == 0);  // shown at issue: nobody ahead, a counter open
  for (const auto& [id, ticket] : tickets) CHECK(ticket["data"]["estimated_wait_min"].is_number_integer());
  CHECK(done["revision"] == 7);
  REQUIRE(hq.exported("S1", "ratings").size() == 1);
  CHECK(hq.exported("S1", "ratings")[0]["data"]["ticket_id"] == finished.body["id"]);

  const CtlReply status = kioskctl(store.data, {"status"});
  CHECK(status.body["sync"]["pending"] == 0);
  CHECK(status.body["sync"]["last_sync_at"].is_number_integer());
  CHECK(status.body["sync"]["oldest_pending_age_s"].is_null());
  CHECK(std::abs(status.body["sync"]["clock_offset_ms"].get<std::int64_t>()) < 60000);

  const CtlReply noop = kioskctl(store.data, {"sync"});
  CHECK(noop.exit_code == 0);
  CHECK(noop.body["requests"] == 1);
  CHECK(noop.body["bytes_sent"] == 0);
  CHECK(noop.body["bytes_received"].get<int>() < 1024);
  MESSAGE("no-op sync: " << noop.body["requests"] << " request, " << noop.body["bytes_received"]
                         << " bytes of answer body");
  CHECK(hq.exported("S1", "tickets").size() == 5);
}

TEST_CASE("configuration changed at HQ during an outage arrives when the link is back") {
  HqFixture hq;
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  hq.start();
  SyncedStore store(hq);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  hq.stop();

  // The store keeps working; sync fails and says why.
  for (int i = 0; i < 3; ++i) REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  const CtlReply offline = kioskctl(store.data, {"sync"});
  CHECK(offline.exit_code == 1);
  CHECK(offline.body["error"].get<std::string>().find("connect") != std::string::npos);
  const CtlReply status = kioskctl(store.data, {"status"});
  CHECK(status.body["sync"]["pending"] == 3);
  CHECK(status.body["sync"]["oldest_pending_age_s"].is_number_integer());
  CHECK_FALSE(status.body["sync"]["last_error"].is_null());

  // Meanwhile at HQ: service A's typical time changes, B-H retire, a technician joins.
  const std::string catalog = hq.dir.file("short.jsonl");
  std::ofstream(catalog)
      << R"({"code": "A", "zh": "咨询", "en": "Advice", "priority": false, "wait_target_min": 15, "typical_service_min": 9})"
      << "\n";
  REQUIRE(hq.hq({"catalog", "import", catalog}).exit_code == 0);
  REQUIRE(
      hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234", "--role", "technician"}).exit_code ==
      0);
  REQUIRE(hq.hq({"staff", "add", "--store", "S2", "--name", "Zhao", "--pin", "4321"}).exit_code == 0);

  hq.start();
  const CtlReply back = kioskctl(store.data, {"sync"});
  REQUIRE_MESSAGE(back.exit_code == 0, back.body.dump());
  CHECK(back.body["uploaded"] == 3);
  CHECK(back.body["changes"] == 9);  // A changed, B-H retired, Wang (Zhao is S2's)
  const CtlReply queue = kioskctl(store.data, {"queue"});
  REQUIRE(queue.body["services"].size() == 1);
  CHECK(queue.body["services"][0]["en"] == "Advice");
  CHECK(queue.body["services"][0]["typical_service_min"] == 9);
  const CtlReply staff = kioskctl(store.data, {"staff", "list"});
  REQUIRE(staff.body["staff"].size() == 1);
  CHECK(staff.body["staff"][0]["name"] == "Wang");
  CHECK(staff.body["staff"][0]["role"] == "technician");
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["last_error"].is_null());
}

TEST_CASE("a store sending with another store's device token is refused, and nothing is stored at HQ") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq, "S1", /*token_store=*/"S2");
  for (int i = 0; i < 3; ++i) REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  const CtlReply refused = kioskctl(store.data, {"sync"});
  CHECK(refused.exit_code == 3);
  CHECK(refused.body["error"].get<std::string>().find("wrong-store") != std::string::npos);
  CHECK(hq.exported("S1", "tickets").empty());
  CHECK(hq.exported("S2", "tickets").empty());
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["pending"] == 3);
}

TEST_CASE("a revoked device is refused; its records stay pending at the store") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  const std::string device = hq.hq({"device", "list"}).lines[0]["devices"][0]["device"];
  REQUIRE(hq.hq({"device", "revoke", "--device", device}).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  const CtlReply refused = kioskctl(store.data, {"sync"});
  CHECK(refused.exit_code == 3);
  CHECK(refused.body["error"].get<std::string>().find("revoked-device") != std::string::npos);
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["pending"] == 1);
  CHECK(hq.exported("S1", "tickets").size() == 1);
}

TEST_CASE("a store whose clock is a year ahead syncs the same and shows the difference") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  const EpochMs year = 365LL * 24 * 3600 * 1000;
  for (int i = 0; i < 3; ++i) REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}, year).exit_code == 0);
  const CtlReply synced = kioskctl(store.data, {"sync"}, year);
  REQUIRE_MESSAGE(synced.exit_code == 0, synced.body.dump());
  CHECK(synced.body["uploaded"] == 3);
  const std::int64_t offset = synced.body["clock_offset_ms"];
  CHECK(offset < -year + 3600 * 1000);
  CHECK(offset > -year - 3600 * 1000);
  CHECK(kioskctl(store.data, {"status"}, year).body["sync"]["clock_offset_ms"] == offset);
  CHECK(hq.exported("S1", "tickets").size() == 3);
  // Back on the right clock, the same store goes on from where it was.
  REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  CHECK(hq.exported("S1", "tickets").size() == 4);
}

TEST_CASE(
    "hq and the store's sync killed with SIGKILL again and again during a 14,000-record backlog: all arrive exactly "
    "once") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  const std::vector<std::string> ids = issue_backlog(store.data, 14000);
  std::mt19937 random(20261123);
  const auto chance = [&](int one_in) { return std::uniform_int_distribution<int>(1, one_in)(random) == 1; };
  // A dozen kills of hq and half a dozen of the store's sync at random
  // moments, then the rounds run undisturbed until nothing is left.
  constexpr int kHqKills = 12, kStoreKills = 6;
  int rounds = 0, hq_kills = 0, store_kills = 0;
  bool done = false;
  while (!done && rounds < 40) {
    ++rounds;
    ChildProcess sync({KIOSKCTL_PATH, "--data", store.data, "sync"});
    std::optional<std::string> answer;
    for (int step = 0; step < 100; ++step) {
      answer = sync.read_line(std::chrono::milliseconds(std::uniform_int_distribution<int>(20, 120)(random)));
      if (answer) break;  // the round ended and printed its report
      if (hq_kills >= kHqKills && store_kills >= kStoreKills) continue;
      if (store_kills < kStoreKills && chance(3)) {
        sync.kill_hard();  // the store side dies mid-round
        ++store_kills;
        break;
      }
      if (hq_kills >= kHqKills) continue;
      hq.kill_hard();
      ++hq_kills;
      hq.start();
    }
    done = sync.wait() == 0 && answer.has_value();
  }
  MESSAGE(ids.size() << " tickets; " << hq_kills << " SIGKILLs of hq, " << store_kills << " of the store's sync; "
                     << rounds << " sync rounds");
  REQUIRE(done);
  // A fast round can drain the backlog before the last kills land (a loaded
  // machine gave 11 of 12): most must have hit it.
  CHECK(hq_kills >= kHqKills * 2 / 3);
  const std::map<std::string, Json> at_hq = by_id(hq.exported("S1", "tickets"));
  CHECK(at_hq.size() == ids.size());
  std::size_t missing = 0;
  for (const std::string& id : ids) missing += at_hq.count(id) == 0;
  CHECK(missing == 0);
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["pending"] == 0);
}

TEST_CASE(
    "through a proxy that resets, refuses (500/503/429), stalls, cuts answers short and duplicates requests, every "
    "record arrives exactly once") {
  HqFixture hq;
  hq.start();
  FaultProxy proxy(hq.port, /*fault_share=*/0.5, /*seed=*/1123);
  SyncedStore store(hq);
  REQUIRE(kioskctl(store.data,
                   {"hq", "set", "--url", "http://127.0.0.1:" + std::to_string(proxy.port()), "--token", store.token})
              .exit_code == 0);
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  REQUIRE(hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234"}).exit_code == 0);
  const std::vector<std::string> ids = issue_backlog(store.data, 3000);

  sync_through_faults(store, proxy, 50, std::to_string(ids.size()) + " tickets");  // 60 batches: many requests

  const std::map<std::string, Json> at_hq = by_id(hq.exported("S1", "tickets"));
  CHECK(at_hq.size() == ids.size());
  std::size_t missing = 0;
  for (const std::string& id : ids) missing += at_hq.count(id) == 0;
  CHECK(missing == 0);
  CHECK(kioskctl(store.data, {"status"}).body["sync"]["pending"] == 0);
  CHECK(kioskctl(store.data, {"staff", "list"}).body["staff"].size() == 1);
  CHECK(kioskctl(store.data, {"queue"}).body["services"].size() == 8);
}

TEST_CASE("repair requests and their events reach HQ; an assignment made at HQ comes back to the store") {
  HqFixture hq;
  hq.start();
  SyncedStore store(hq);
  const CtlReply created = kioskctl(store.data, {"request", "create", "--product", "phone", "--problem", "no-power",
                                                 "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
  REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
  const std::string code = created.body["code"];
  // Staff are HQ's: a store that syncs refuses to make its own.
  const CtlReply local =
      kioskctl(store.data, {"staff", "add", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
  CHECK(local.exit_code == 3);
  CHECK(local.body["error"].get<std::string>().find("hq staff add --store S1") != std::string::npos);
  REQUIRE(
      hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"}).exit_code ==
      0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"request", "transition", "--code", code, "--to", "assigned", "--assignee", "Zhou"})
              .exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);

  const std::vector<Json> requests = hq.exported("S1", "requests");
  REQUIRE(requests.size() == 1);
  CHECK(requests[0]["data"]["code"] == code);
  CHECK(requests[0]["data"]["state"] == "assigned");       // the latest revision
  CHECK(requests[0]["data"]["phone"] == "13812345678");    // HQ serves the assigned technician
  CHECK(hq.exported("S1", "request-events").size() == 2);  // received, assigned

  const HqCommand tech =
      hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234", "--role", "technician"});
  REQUIRE(tech.exit_code == 0);
  // Given to another technician at HQ: the store applies it at its next sync.
  const HqCommand assigned = hq.hq({"assign", "--request", code, "--technician", tech.lines[0]["staff"]});
  REQUIRE(assigned.exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  const Json shown = kioskctl(store.data, {"request", "show", "--code", code}).body;
  CHECK(shown["state"] == "assigned");
  CHECK(shown["assignee"] == tech.lines[0]["staff"]);
  CHECK(shown["version"] == 3);
}
