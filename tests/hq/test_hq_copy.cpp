// `hq copy`: an HQ that started on an SQLite file moves to the database of
// this run (PostgreSQL in hq_tests_pg) without losing a record: exports,
// parked records, health, the feed and device tokens are the same after the
// move, the feed goes on from its last seq, and a second copy is refused.
#include <doctest/doctest.h>

#include "hq/hq_fixture.h"
#include "hq/synced_store.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

// What an HQ database holds, as hq and a device see it.
struct Holdings {
  std::vector<Json> tickets, requests, parked, stores, devices;
  Json feed;
};

Holdings holdings(HqFixture& hq, const std::string& token) {
  Holdings h;
  h.tickets = hq.exported("S1", "tickets");
  h.requests = hq.exported("S1", "requests");
  h.parked = hq.hq({"parked"}).lines;
  h.stores = hq.hq({"stores"}).lines;
  h.devices = hq.hq({"device", "list"}).lines;
  const HqAnswer feed = hq.get(token, "/sync/v1/changes?after=0&limit=1000");
  REQUIRE(feed.status == 200);
  h.feed = feed.body["changes"];
  return h;
}

}  // namespace

TEST_CASE("hq copy moves an SQLite HQ into an empty database of this run's engine without losing a record") {
  HqFixture hq(HqEngine::SqliteFile);
  hq.start();
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  REQUIRE(
      hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"}).exit_code ==
      0);
  SyncedStore store(hq);
  issue_backlog(store.data, 300);
  REQUIRE(kioskctl(store.data, {"call", "--counter", "1"}).exit_code == 0);
  const CtlReply request = kioskctl(store.data, {"request", "create", "--product", "phone", "--problem", "no-power",
                                                 "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
  REQUIRE(request.exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  // A record HQ cannot apply is parked, and copied as it is.
  Json bad = ticket_record(1, "bad-ticket", 1, "S1");
  bad["kind"] = "coupon";
  REQUIRE(hq.upload(store.token, upload_body("dddddddd-0000-4000-8000-000000000004", "bad", {bad})).status == 200);
  const Holdings before = holdings(hq, store.token);
  REQUIRE(before.tickets.size() == 300);
  REQUIRE(before.parked.size() == 1);
  hq.stop();

  const std::string target = new_hq_database(hq.dir, "copy.db");
  const CommandOutput copied = run_command({HQ_PATH, "copy", "--from", hq.db, "--to", target});
  REQUIRE_MESSAGE(copied.exit_code == 0, copied.stdout_text);
  const Json answer = Json::parse(copied.stdout_text);
  CHECK(answer["copied"]["record"] == 302);  // 300 tickets, the request and its event
  CHECK(answer["copied"]["parked_record"] == 1);
  CHECK(answer["copied"]["hq_request"] == 1);  // the dispatch board's copy of it
  CHECK(answer["copied"]["change_log"] == before.feed.size());
  CHECK(answer["copied"]["kb_article"] == std::stoll(run_sql(hq.db, "SELECT count(*) FROM kb_article")));

  const std::string source = hq.db;
  hq.db = target;
  hq.start();
  const Holdings after = holdings(hq, store.token);  // the device's token works at the copy
  CHECK(after.tickets == before.tickets);
  CHECK(after.requests == before.requests);
  CHECK(after.parked == before.parked);
  CHECK(after.stores == before.stores);
  CHECK(after.devices == before.devices);
  CHECK(after.feed == before.feed);

  // The feed goes on after the last copied seq.
  REQUIRE(hq.hq({"staff", "add", "--store", "S1", "--name", "Wu", "--pin", "1357"}).exit_code == 0);
  const HqAnswer next = hq.get(store.token, "/sync/v1/changes?after=" + before.feed.back()["seq"].dump());
  REQUIRE(next.body["changes"].size() == 1);
  CHECK(next.body["changes"][0]["seq"] == before.feed.back()["seq"].get<std::int64_t>() + 1);
  // The store syncs on with the copy.
  issue_backlog(store.data, 5);
  REQUIRE(kioskctl(store.data, {"sync"}).exit_code == 0);
  CHECK(hq.exported("S1", "tickets").size() == 305);

  // A second copy into a database that holds stores is refused, changing nothing.
  const CommandOutput again = run_command({HQ_PATH, "copy", "--from", source, "--to", target});
  CHECK(again.exit_code == 3);
  CHECK(again.stdout_text.find("empty") != std::string::npos);
  CHECK(hq.exported("S1", "tickets").size() == 305);
}
