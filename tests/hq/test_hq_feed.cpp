// HQ's change feed: configuration changed at HQ reaches each store's devices
// in order, paged, only their own store's (and the global catalogue), and a
// sync with nothing new is one small answer.
#include <doctest/doctest.h>

#include <fstream>

#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

TEST_CASE("the change feed pages through the catalogue and this store's staff only") {
  HqFixture hq;
  const std::string s1 = hq.add_device("S1"), s2 = hq.add_device("S2");
  REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  REQUIRE(hq.hq({"staff", "add", "--store", "S2", "--name", "Zhao", "--pin", "4321"}).exit_code == 0);
  const HqCommand tech =
      hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234", "--role", "technician"});
  REQUIRE(tech.exit_code == 0);
  hq.start();

  // After the default help articles every new HQ starts with (test_kb_articles.cpp).
  const std::int64_t seeded = std::stoll(hq.sql("SELECT count(*) FROM change_log WHERE kind = 'kb_article'"));
  std::vector<Json> seen;
  std::int64_t after = seeded;
  int pages = 0;
  for (bool more = true; more && pages < 20; ++pages) {
    const HqAnswer page = hq.get(s1, "/sync/v1/changes?after=" + std::to_string(after) + "&limit=3");
    REQUIRE(page.status == 200);
    CHECK(page.body["changes"].size() <= 3);
    for (const Json& change : page.body["changes"]) {
      CHECK(change["seq"].get<std::int64_t>() > after);
      seen.push_back(change);
    }
    more = page.body["more"];
    after = page.body["last_seq"];
  }
  CHECK(pages == 3);
  REQUIRE(seen.size() == 9);  // 8 services, then Wang; Zhao is S2's
  CHECK(seen[0]["kind"] == "service");
  CHECK(seen[0]["data"]["code"] == "A");
  CHECK(seen[8]["kind"] == "staff");
  CHECK(seen[8]["data"]["name"] == "Wang");
  CHECK(seen[8]["data"]["pin_hash"].get<std::string>().rfind("$argon2id$", 0) == 0);
  CHECK(seen[8]["data"].dump().find("1234") == std::string::npos);
  CHECK(after == seeded + 10);  // past Zhao too, so the next poll skips it

  // Nothing new: one small answer.
  const HqAnswer noop = hq.get(s1, "/sync/v1/changes?after=" + std::to_string(after));
  CHECK(noop.body["changes"].empty());
  CHECK(noop.body["more"] == false);
  CHECK(noop.body["last_seq"] == after);
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : noop.headers) header_bytes += name.size() + value.size() + 4;
  MESSAGE("no-op sync answer: " << noop.raw.size() << " bytes of body, about " << header_bytes << " of headers");
  CHECK(noop.raw.size() + header_bytes < 1024);

  // Changed at HQ while the store was away: a service retired, a technician retired.
  const std::string catalog = hq.dir.file("short.jsonl");
  std::ofstream(catalog)
      << R"({"code": "A", "zh": "咨询", "en": "Consultation", "priority": true, "wait_target_min": 15, "typical_service_min": 6})"
      << "\n";
  REQUIRE(hq.hq({"catalog", "import", catalog}).exit_code == 0);
  REQUIRE(hq.hq({"staff", "retire", "--store", "S1", "--name", "Wang"}).exit_code == 0);
  const HqAnswer later = hq.get(s1, "/sync/v1/changes?after=" + std::to_string(after) + "&limit=1000");
  REQUIRE(later.status == 200);
  const Json& changes = later.body["changes"];
  REQUIRE(changes.size() == 9);  // A changed, B-H retired, Wang retired
  CHECK(changes[0]["data"]["typical_service_min"] == 6);
  CHECK(changes[1]["data"]["active"] == false);
  CHECK(changes[8]["kind"] == "staff");
  CHECK(changes[8]["data"]["active"] == false);

  // The other store sees the catalogue and its own staff, never S1's.
  const HqAnswer other = hq.get(s2, "/sync/v1/changes?limit=1000");
  for (const Json& change : other.body["changes"])
    if (change["kind"] == "staff") CHECK(change["data"]["name"] == "Zhao");
}

TEST_CASE("hq assign is HQ's own command: it needs a request the technician's store uploaded, and enters the feed") {
  HqFixture hq;
  const std::string token = hq.add_device("S1");
  const HqCommand tech =
      hq.hq({"staff", "add", "--store", "S1", "--name", "Wang", "--pin", "1234", "--role", "technician"});
  REQUIRE(tech.exit_code == 0);
  const std::string technician = tech.lines[0]["staff"];
  const HqCommand listed = hq.hq({"staff", "list"});
  REQUIRE(listed.exit_code == 0);
  REQUIRE(listed.lines[0]["staff"].size() == 1);
  CHECK(listed.lines[0]["staff"][0]["id"] == technician);
  CHECK(listed.lines[0]["staff"][0]["store"] == "S1");
  CHECK(hq.hq({"staff", "list", "--store", "S9"}).exit_code == 2);
  CHECK(hq.hq({"assign", "--request", "R0007", "--technician", technician}).exit_code == 2);  // no such request yet
  CHECK(hq.hq({"assign", "--request", "R0007", "--technician", "nobody"}).exit_code == 2);
  hq.start();
  const Json request{
      {"seq", 1},      {"kind", "request"}, {"id", "6f1c0d8e-3b7a-4c52-9d0e-2f4b8a1c7e90"},
      {"revision", 1}, {"store", "S1"},     {"data", {{"code", "R0007"}, {"state", "received"}, {"version", 1}}}};
  REQUIRE(hq.upload(token, upload_body("6f1c0d8e-3b7a-4c52-9d0e-2f4b8a1c7e91", "b", {request})).body["applied"] == 1);
  const HqCommand assigned = hq.hq({"assign", "--request", "R0007", "--technician", technician});
  REQUIRE(assigned.exit_code == 0);
  CHECK(assigned.lines[0]["state"] == "assigned");
  CHECK(assigned.lines[0]["version"] == 2);
  const HqAnswer feed = hq.get(token, "/sync/v1/changes?limit=1000");
  const Json& last = feed.body["changes"].back();
  CHECK(last["kind"] == "request_status");
  CHECK(last["data"]["status"] == "assigned");
  CHECK(last["data"]["data"]["assignee"] == technician);
}
