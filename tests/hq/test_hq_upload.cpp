// Uploads to a real hq process over HTTP: acknowledgement, dedup of retried
// and overlapping batches, revisions replacing older ones, parking, another
// store's records refused whole, devices unknown or revoked.
#include <doctest/doctest.h>

#include <map>

#include "core/random_id.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::vector<Json> tickets(std::int64_t first, std::int64_t last, const std::string& store,
                          std::vector<std::string>* ids) {
  std::vector<Json> records;
  for (std::int64_t seq = first; seq <= last; ++seq) {
    ids->push_back(new_uuid());
    records.push_back(ticket_record(seq, ids->back(), seq, store, "waiting", "A" + std::to_string(100 + seq)));
  }
  return records;
}

}  // namespace

TEST_CASE("an upload is acknowledged, and the same batch sent again stores nothing twice") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  std::vector<std::string> ids;
  const Json batch = upload_body(incarnation, incarnation + ":1-3", tickets(1, 3, "S1", &ids));

  const HqAnswer first = hq.upload(token, batch);
  REQUIRE(first.status == 200);
  CHECK(first.body["acked_through"] == 3);
  CHECK(first.body["received"] == 3);
  CHECK(first.body["applied"] == 3);
  CHECK(first.body["parked"].empty());
  CHECK(first.body["duplicate_batch"] == false);
  CHECK(first.body["hq_time"].is_number_integer());

  const HqAnswer again = hq.upload(token, batch, /*compressed=*/false);  // a retry after a lost answer
  REQUIRE(again.status == 200);
  CHECK(again.body["acked_through"] == 3);
  CHECK(again.body["received"] == 0);
  CHECK(again.body["applied"] == 0);
  CHECK(again.body["duplicate_batch"] == true);

  // An overlapping batch under another key: only the new seqs count.
  std::vector<Json> overlap = tickets(4, 5, "S1", &ids);
  overlap.insert(overlap.begin(), batch["records"][2]);
  const HqAnswer third = hq.upload(token, upload_body(incarnation, incarnation + ":3-5", overlap));
  REQUIRE(third.status == 200);
  CHECK(third.body["acked_through"] == 5);
  CHECK(third.body["received"] == 2);

  const std::vector<Json> stored = hq.exported("S1", "tickets");
  REQUIRE(stored.size() == 5);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    CHECK(stored[i]["id"] == ids[i]);
    CHECK(stored[i]["data"]["ticket"] == "A" + std::to_string(101 + i));
  }
}

TEST_CASE("acked_through counts only seqs received without a gap, per incarnation") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  std::vector<std::string> ids;
  const std::vector<Json> records = tickets(1, 4, "S1", &ids);
  CHECK(hq.upload(token, upload_body(incarnation, "b1", {records[0], records[1]})).body["acked_through"] == 2);
  CHECK(hq.upload(token, upload_body(incarnation, "b2", {records[3]})).body["acked_through"] == 2);  // 3 missing
  CHECK(hq.upload(token, upload_body(incarnation, "b3", {records[2]})).body["acked_through"] == 4);

  // A new database on the same device starts again at seq 1.
  std::vector<std::string> more;
  const HqAnswer fresh = hq.upload(token, upload_body(new_uuid(), "b1", tickets(1, 1, "S1", &more)));
  CHECK(fresh.body["acked_through"] == 1);
  CHECK(fresh.body["received"] == 1);
  CHECK(hq.exported("S1", "tickets").size() == 5);
}

TEST_CASE("a later revision replaces an earlier one; an older or equal one arriving late is ignored") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid(), id = new_uuid();
  hq.start();
  REQUIRE(hq.upload(token, upload_body(incarnation, "b1", {ticket_record(1, id, 1, "S1", "waiting")})).status == 200);
  const HqAnswer done = hq.upload(token, upload_body(incarnation, "b2", {ticket_record(2, id, 7, "S1", "done")}));
  CHECK(done.body["applied"] == 1);
  // Revision 4 (called) reaches HQ after revision 7: ignored, yet acknowledged.
  const HqAnswer late = hq.upload(
      token, upload_body(incarnation, "b3",
                         {ticket_record(3, id, 4, "S1", "called"), ticket_record(4, id, 7, "S1", "serving")}));
  CHECK(late.body["acked_through"] == 4);
  CHECK(late.body["received"] == 2);
  CHECK(late.body["applied"] == 0);
  const std::vector<Json> stored = hq.exported("S1", "tickets");
  REQUIRE(stored.size() == 1);
  CHECK(stored[0]["revision"] == 7);
  CHECK(stored[0]["data"]["state"] == "done");
}

TEST_CASE("a record HQ can never apply is parked and reported; the rest of the batch goes in") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const std::string good1 = new_uuid(), good2 = new_uuid(), rating = new_uuid();
  Json bad_ticket = ticket_record(2, new_uuid(), 2, "S1");
  bad_ticket["data"]["issued_at"] = "yesterday";
  const Json bad_rating{{"seq", 3},      {"kind", "rating"}, {"id", rating},
                        {"revision", 3}, {"store", "S1"},    {"data", {{"ticket_id", good1}, {"score", 9}}}};
  const Json unknown_kind{{"seq", 4},      {"kind", "coupon"}, {"id", new_uuid()},
                          {"revision", 4}, {"store", "S1"},    {"data", Json::object()}};
  const Json not_uuid{{"seq", 5},      {"kind", "ticket"}, {"id", "A001"},
                      {"revision", 5}, {"store", "S1"},    {"data", Json::object()}};
  const Json batch = upload_body(incarnation, "b1",
                                 {ticket_record(1, good1, 1, "S1"), bad_ticket, bad_rating, unknown_kind, not_uuid,
                                  ticket_record(6, good2, 6, "S1")});
  const HqAnswer answer = hq.upload(token, batch);
  REQUIRE(answer.status == 200);
  CHECK(answer.body["acked_through"] == 6);
  CHECK(answer.body["applied"] == 2);
  REQUIRE(answer.body["parked"].size() == 4);
  CHECK(answer.body["parked"][0]["seq"] == 2);
  CHECK(answer.body["parked"][0]["code"] == "bad-record");
  CHECK(answer.body["parked"][0]["message"].get<std::string>().find("data.issued_at") != std::string::npos);
  CHECK(answer.body["parked"][1]["message"].get<std::string>().find("data.score") != std::string::npos);
  CHECK(answer.body["parked"][2]["code"] == "unknown-kind");
  CHECK(answer.body["parked"][3]["seq"] == 5);
  CHECK(hq.exported("S1", "tickets").size() == 2);
  CHECK(hq.exported("S1", "ratings").empty());
  // Kept at HQ as received, for an operator.
  const HqCommand parked = hq.hq({"parked", "--store", "S1"});
  REQUIRE(parked.lines.size() == 4);
  CHECK(parked.lines[1]["raw"]["data"]["score"] == 9);
  // Sent again: the same answer, nothing added.
  const HqAnswer again = hq.upload(token, batch);
  CHECK(again.body["parked"].size() == 4);
  CHECK(again.body["received"] == 0);
  CHECK(hq.hq({"parked"}).lines.size() == 4);
}

TEST_CASE("a batch holding one record of another store is refused whole, nothing stored") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const Json batch = upload_body(incarnation, "b1",
                                 {ticket_record(1, new_uuid(), 1, "S1"), ticket_record(2, new_uuid(), 2, "S2"),
                                  ticket_record(3, new_uuid(), 3, "S1")});
  const HqAnswer refused = hq.upload(token, batch);
  CHECK(refused.status == 403);
  CHECK(refused.error_code() == "wrong-store");
  CHECK(refused.body["error"]["message"].get<std::string>().find("records[1]") != std::string::npos);
  CHECK(hq.exported("S1", "tickets").empty());
  CHECK(hq.exported("S2", "tickets").empty());
  // Nothing was recorded as received either: seq 1 is new afterwards.
  const HqAnswer clean = hq.upload(token, upload_body(incarnation, "b1", {batch["records"][0]}));
  CHECK(clean.body["received"] == 1);
  CHECK(clean.body["duplicate_batch"] == false);
  // A record id of another store is parked, never overwritten.
  const std::string other_token = hq.add_device("S2");
  const Json theft = ticket_record(1, batch["records"][0]["id"], 9, "S2", "done");
  const HqAnswer parked = hq.upload(other_token, upload_body(new_uuid(), "x", {theft}));
  REQUIRE(parked.status == 200);
  CHECK(parked.body["parked"][0]["code"] == "id-conflict");
  CHECK(hq.exported("S1", "tickets")[0]["data"]["state"] == "waiting");
}

TEST_CASE("unknown, missing and revoked device tokens are refused with 401, nothing stored") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const Json batch = upload_body(incarnation, "b1", {ticket_record(1, new_uuid(), 1, "S1")});

  const HqAnswer missing = hq.upload("", batch);
  CHECK(missing.status == 401);
  CHECK(missing.error_code() == "missing-token");
  const HqAnswer unknown = hq.upload(std::string(64, 'a'), batch);
  CHECK(unknown.status == 401);
  CHECK(unknown.error_code() == "unknown-device");
  CHECK(hq.get("garbage", "/sync/v1/changes").error_code() == "unknown-device");

  const HqCommand devices = hq.hq({"device", "list", "--store", "S1"});
  REQUIRE(devices.lines.size() == 1);
  const std::string device_id = devices.lines[0]["devices"][0]["device"];
  REQUIRE(hq.hq({"device", "revoke", "--device", device_id}).exit_code == 0);
  const HqAnswer revoked = hq.upload(token, batch);
  CHECK(revoked.status == 401);
  CHECK(revoked.error_code() == "revoked-device");
  CHECK(hq.get(token, "/sync/v1/changes").error_code() == "revoked-device");
  CHECK(hq.exported("S1", "tickets").empty());
  CHECK(hq.hq({"device", "revoke", "--device", new_uuid()}).exit_code == 2);
}

TEST_CASE("a ticket's shown wait estimate is kept at HQ; an older store sends none; a malformed one is parked") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const std::string shown = new_uuid(), none_shown = new_uuid(), older = new_uuid();
  Json with_estimate = ticket_record(1, shown, 1, "S1", "waiting", "A101");
  with_estimate["data"]["estimated_wait_min"] = 12;
  Json null_estimate = ticket_record(2, none_shown, 2, "S1", "waiting", "A102");
  null_estimate["data"]["estimated_wait_min"] = nullptr;
  Json bad_estimate = ticket_record(4, new_uuid(), 4, "S1", "waiting", "A104");
  bad_estimate["data"]["estimated_wait_min"] = "soon";
  Json negative_estimate = ticket_record(5, new_uuid(), 5, "S1", "waiting", "A105");
  negative_estimate["data"]["estimated_wait_min"] = -3;
  const HqAnswer answer =
      hq.upload(token, upload_body(incarnation, "b1",
                                   {with_estimate, null_estimate, ticket_record(3, older, 3, "S1", "waiting", "A103"),
                                    bad_estimate, negative_estimate}));
  REQUIRE(answer.status == 200);
  CHECK(answer.body["applied"] == 3);
  REQUIRE(answer.body["parked"].size() == 2);
  CHECK(answer.body["parked"][0]["message"].get<std::string>().find("data.estimated_wait_min") != std::string::npos);
  CHECK(answer.body["parked"][1]["seq"] == 5);
  std::map<std::string, Json> stored;
  for (const Json& r : hq.exported("S1", "tickets")) stored[r["id"]] = r["data"];
  REQUIRE(stored.size() == 3);
  CHECK(stored.at(shown)["estimated_wait_min"] == 12);
  CHECK(stored.at(none_shown)["estimated_wait_min"].is_null());
  CHECK_FALSE(stored.at(older).contains("estimated_wait_min"));
}

TEST_CASE("a ticket's staff id is kept at HQ; an older store sends none; a malformed one is parked") {
  HqFixture hq;
  const std::string token = hq.add_device("S1"), incarnation = new_uuid();
  hq.start();
  const std::string by_staff = new_uuid(), by_nobody = new_uuid(), older = new_uuid();
  Json with_staff = ticket_record(1, by_staff, 1, "S1", "called", "A101");
  with_staff["data"]["counter"] = 2;
  with_staff["data"]["staff_id"] = "9b2c6a52-5d7e-4c1b-9a53-1f0e2d3c4b5a";
  Json null_staff = ticket_record(2, by_nobody, 2, "S1", "called", "A102");
  null_staff["data"]["staff_id"] = nullptr;
  std::vector<Json> records{with_staff, null_staff, ticket_record(3, older, 3, "S1", "waiting", "A103")};
  std::int64_t seq = 4;
  for (const Json& bad : {Json(7), Json(""), Json("two words"), Json(std::string(65, 'a')), Json("-dash-first")}) {
    Json record = ticket_record(seq, new_uuid(), seq, "S1", "called", "A1" + std::to_string(seq));
    record["data"]["staff_id"] = bad;
    records.push_back(record);
    ++seq;
  }
  const HqAnswer answer = hq.upload(token, upload_body(incarnation, "b1", records));
  REQUIRE(answer.status == 200);
  CHECK(answer.body["applied"] == 3);
  REQUIRE(answer.body["parked"].size() == 5);
  for (const Json& parked : answer.body["parked"])
    CHECK(parked["message"].get<std::string>().find("data.staff_id") != std::string::npos);
  std::map<std::string, Json> stored;
  for (const Json& r : hq.exported("S1", "tickets")) stored[r["id"]] = r["data"];
  REQUIRE(stored.size() == 3);
  CHECK(stored.at(by_staff)["staff_id"] == with_staff["data"]["staff_id"]);
  CHECK(stored.at(by_nobody)["staff_id"].is_null());
  CHECK_FALSE(stored.at(older).contains("staff_id"));
  // Its ledger line keeps the id (the counters report reads it there).
  CHECK(hq.sql("SELECT ledger FROM figure_ledger WHERE store_id = 'S1'").find(with_staff["data"]["staff_id"]) !=
        std::string::npos);
}
