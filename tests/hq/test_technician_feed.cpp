// A technician's tablet at HQ (docs/hq-sync-protocol.md, "Technician
// devices") against a real hq fed by a real store: the tablet's feed holds
// only the technician's own staff entry and jobs (the customer's details
// included), a job given to someone else leaves it, its steps are decided by
// HQ's rules and reach the store with the technician's name, note, the
// customer's confirmation and rating, and a revoked tablet is refused.
#include <doctest/doctest.h>

#include "core/random_id.h"
#include "hq/technician_fixture.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

using Field = TechnicianField;

TEST_CASE("a technician's tablet reads only their own staff entry and jobs; a store's feed holds no jobs") {
  Field f;
  f.staff("Qian", "counter");
  CHECK(f.hq.hq({"device", "add", "--technician", "nobody"}).exit_code == 2);
  const std::string counter_id = f.hq.hq({"staff", "list", "--store", "S1"}).lines.at(0)["staff"][0]["id"];
  CHECK(f.hq.hq({"device", "add", "--technician", counter_id}).exit_code == 2);  // Qian is no technician
  const std::string code = f.assigned_request(f.technician);

  const std::vector<Json> staff = f.of_kind(f.tablet, "staff");
  REQUIRE(staff.size() == 1);
  CHECK(staff[0]["key"] == f.technician);
  CHECK(staff[0]["data"]["pin_hash"].get<std::string>().rfind("$argon2id$", 0) == 0);
  const std::vector<Json> jobs = f.of_kind(f.tablet, "job");
  REQUIRE(jobs.size() == 1);
  const Json& job = jobs[0]["data"];
  CHECK(job["active"] == true);
  CHECK(job["code"] == code);
  CHECK(job["state"] == "assigned");
  CHECK(job["version"] == 2);
  CHECK(job["phone"] == "13812345678");  // the customer's details, for their technician
  CHECK(job["contact_name"] == "Li");
  CHECK(job["address"] == "Room 1, No. 8");
  CHECK(job["product"]["code"] == "phone");
  CHECK(f.changes(f.tablet).size() == 2);  // nothing of the store's own

  CHECK(f.of_kind(f.hq.add_device("S1"), "job").empty());  // a store device never sees a job
  // A tablet added later starts with the open jobs.
  const std::vector<Json> second = f.of_kind(f.tablet_of(f.technician), "job");
  REQUIRE(second.size() == 1);
  CHECK(second[0]["data"]["code"] == code);
}

TEST_CASE("a tablet's steps are decided at HQ and reach the store with the name, note, confirmation and rating") {
  Field f;
  const std::string code = f.assigned_request(f.technician);
  HqAnswer answer = f.step(f.tablet, code, "on-the-way", 2, {{"actor", "Zhou"}, {"note", "路上堵车"}});
  REQUIRE_MESSAGE(answer.status == 200, answer.raw);
  CHECK(answer.body["results"][0]["outcome"] == "applied");
  CHECK(f.step(f.tablet, code, "on-site", 3, {{"actor", "Zhou"}}).body["results"][0]["outcome"] == "applied");

  // What the store's request book would refuse is refused whole, before anything is decided.
  CHECK(f.step(f.tablet, code, "done", 4, {{"note", "no actor"}}).status == 400);
  CHECK(f.step(f.tablet, code, "done", 4, {{"actor", "Zhou"}, {"rating", {{"score", 9}}}}).status == 400);
  CHECK(f.step(f.tablet, code, "done", 4, {{"actor", "Zhou"}, {"signature", "not-a-uuid"}}).status == 400);
  const Json office = f.step(f.tablet, code, "cancelled", 4, {{"actor", "Zhou"}}).body["results"][0];
  CHECK(office["outcome"] == "rejected");
  CHECK(office["code"] == "office-step");

  const Json done = f.step(f.tablet, code, "done", 4,
                           {{"actor", "Zhou"},
                            {"note", "换了电池"},
                            {"confirmed_by_customer", true},
                            {"rating", {{"score", 5}, {"reasons", {"fast"}}, {"comment", ""}}},
                            {"signature", new_uuid()}})
                        .body["results"][0];
  CHECK(done["outcome"] == "applied");
  CHECK(done["version"] == 5);

  f.sync();
  const Json shown = f.on_store(code);
  CHECK(shown["state"] == "done");
  CHECK(shown["version"] == 5);
  std::vector<std::string> notes;
  for (const Json& event : shown["events"]) notes.push_back(event["note"]);
  CHECK(std::find(notes.begin(), notes.end(), "Zhou: 路上堵车") != notes.end());
  CHECK(std::find(notes.begin(), notes.end(), "Zhou: 换了电池") != notes.end());
  {
    auto db = StoreDb::open(f.store);
    REQUIRE(db.ok());
    Statement& q = db.value()->db().prepare("SELECT customer_confirmed_at IS NOT NULL FROM request WHERE code = ?1");
    q.bind(1, code);
    REQUIRE(q.step());
    CHECK(q.int64(0) == 1);
    q.reset();
  }
  f.sync();  // the store's rating record reaches HQ once
  const std::vector<Json> ratings = f.hq.exported("S1", "request-ratings");
  REQUIRE(ratings.size() == 1);
  CHECK(ratings[0]["data"]["score"] == 5);
  CHECK(ratings[0]["data"]["rated_by"] == "technician-device");
  CHECK(ratings[0]["data"]["technician"] == f.technician);
  // The tablet's job shows HQ's outcome.
  const std::vector<Json> jobs = f.of_kind(f.tablet, "job");
  CHECK(jobs.back()["data"]["state"] == "done");
}

TEST_CASE("a job given to another technician leaves the first tablet; its late step is refused; revoked is refused") {
  Field f;
  const std::string other = f.staff("Wu", "technician");
  const std::string other_tablet = f.tablet_of(other);
  const std::string code = f.assigned_request(f.technician);
  REQUIRE(f.hq.hq({"assign", "--request", code, "--technician", other}).exit_code == 0);

  const std::vector<Json> left = f.of_kind(f.tablet, "job");
  REQUIRE(left.size() == 2);
  CHECK(left[1]["data"]["active"] == false);
  CHECK(left[1]["data"]["reason"] == "reassigned");
  CHECK(left[1]["data"].size() == 4);  // no customer details in a removal
  const std::vector<Json> arrived = f.of_kind(other_tablet, "job");
  REQUIRE(arrived.size() == 1);
  CHECK(arrived[0]["data"]["version"] == 3);

  const Json late = f.step(f.tablet, code, "on-the-way", 2, {{"actor", "Zhou"}}).body["results"][0];
  CHECK(late["outcome"] == "rejected");
  CHECK(late["code"] == "not-assigned");
  CHECK(f.step(other_tablet, code, "on-the-way", 3, {{"actor", "Wu"}}).body["results"][0]["outcome"] == "applied");

  std::string device;
  const HqCommand devices = f.hq.hq({"device", "list"});
  for (const Json& d : devices.lines.at(0)["devices"])
    if (d["technician"] == f.technician) device = d["device"];
  REQUIRE(f.hq.hq({"device", "revoke", "--device", device}).exit_code == 0);
  const HqAnswer revoked = f.hq.get(f.tablet, "/sync/v1/changes");
  CHECK(revoked.status == 401);
  CHECK(revoked.body["error"]["code"] == "revoked-device");
}

TEST_CASE("migration 7 gives a technician's earlier staff entries to their tablet") {
  HqFixture hq;
  const HqCommand tech =
      hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
  REQUIRE(tech.exit_code == 0);
  hq.migrate_again_from(6);
  const HqCommand tablet = hq.hq({"device", "add", "--technician", tech.lines[0]["staff"]});
  REQUIRE(tablet.exit_code == 0);
  hq.start();
  const HqAnswer feed = hq.get(tablet.lines[0]["token"], "/sync/v1/changes");
  REQUIRE(feed.body["changes"].size() == 1);
  CHECK(feed.body["changes"][0]["kind"] == "staff");
}

TEST_CASE("a tablet uploads the customer's signature; anything else from it, or a signature from a store, is parked") {
  Field f;
  const std::string code = f.assigned_request(f.technician);
  const Json job = f.of_kind(f.tablet, "job").at(0)["data"];
  const std::string incarnation = new_uuid(), signature = new_uuid();
  const auto record = [&](int seq, const std::string& kind, const std::string& id, const Json& data) {
    return Json{{"seq", seq}, {"kind", kind}, {"id", id}, {"revision", 1}, {"store", "S1"}, {"data", data}};
  };
  const Json signed_by{{"request", job["request"]}, {"code", code}, {"png", "iVBORw0KGgo="}, {"at", 1}};
  const HqAnswer sent = f.hq.upload(
      f.tablet,
      upload_body(incarnation, incarnation + ":1-3",
                  {record(1, "signature", signature, signed_by),
                   record(2, "rating", new_uuid(), {{"ticket_id", new_uuid()}, {"score", 5}}),
                   record(3, "signature", new_uuid(),
                          {{"request", job["request"]}, {"code", code}, {"png", "not base64!"}, {"at", 1}})}));
  REQUIRE_MESSAGE(sent.status == 200, sent.raw);
  CHECK(sent.body["acked_through"] == 3);
  CHECK(sent.body["applied"] == 1);
  REQUIRE(sent.body["parked"].size() == 2);
  CHECK(sent.body["parked"][0]["code"] == "wrong-kind");
  CHECK(sent.body["parked"][1]["code"] == "bad-record");
  const std::vector<Json> kept = f.hq.exported("S1", "signatures");
  REQUIRE(kept.size() == 1);
  CHECK(kept[0]["id"] == signature);
  CHECK(kept[0]["data"]["png"] == "iVBORw0KGgo=");

  const std::string store_incarnation = new_uuid();
  const HqAnswer from_store = f.hq.upload(
      f.hq.add_device("S1"), upload_body(store_incarnation, "s", {record(1, "signature", new_uuid(), signed_by)}));
  REQUIRE(from_store.body["parked"].size() == 1);
  CHECK(from_store.body["parked"][0]["code"] == "wrong-kind");
}
