// Technicians through the store node: login without a counter, my jobs only,
// details with the phone and address for the assigned technician alone,
// work steps with the version seen (a stale one is a 409 naming the current
// state), completion storing done + confirmation + rating together, and bad
// input to every endpoint answered with a JSON error that changes nothing.
#include <doctest/doctest.h>

#include "node/job_fixture.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::JobNode;
using nlohmann::json;
using S = RequestState;

namespace {

// What a refused call must leave as it was.
std::string snapshot(JobNode& node) {
  return node.sql_text(
             "SELECT group_concat(code || ':' || state || ':' || version || ':' || "
             "coalesce(customer_confirmed_at, '-'), ',') FROM (SELECT * FROM request ORDER BY seq)") +
         "|" + node.sql_text("SELECT count(*) FROM request_event") + "|" +
         node.sql_text("SELECT count(*) FROM request_rating");
}

void check_error(const HttpAnswer& answer, int status, const std::string& code, const std::string& what) {
  INFO(what);
  CHECK(answer.status == status);
  REQUIRE(answer.body.is_object());
  CHECK(answer.body["error"]["code"] == code);
  CHECK(answer.body["error"]["message"].is_string());
}

}  // namespace

TEST_CASE("a technician logs in without a counter; counter staff still log in at a counter") {
  JobNode node;
  ApiClient anyone(node.port);
  const HttpAnswer tech = anyone.post("/api/v1/login", json{{"name", "Zhang"}, {"pin", "3690"}});
  REQUIRE(tech.status == 200);
  CHECK(tech.body["counter"].is_null());
  CHECK(tech.body["staff"]["role"] == "technician");
  check_error(anyone.post("/api/v1/login", json{{"name", "Zhang"}, {"pin", "0000"}}), 401, "wrong-pin", "wrong PIN");
  check_error(anyone.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}}), 403, "not-a-technician",
              "counter staff without a counter");
  CHECK(anyone.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}}).status == 200);

  ApiClient zhang = node.technician_client("Zhang", "3690");
  check_error(zhang.post("/api/v1/counters/1/call"), 403, "wrong-counter", "a technician calling at a counter");
  ApiClient li = node.staff_client("Li", "2580", 1);
  check_error(li.get("/api/v1/jobs"), 403, "not-a-technician", "a counter session listing jobs");
}

TEST_CASE("my jobs: only the open requests assigned to me, newest first") {
  JobNode node;
  const Request first = node.job("Zhang", S::OnSite);
  node.job("Zhao");
  node.job("Zhang", S::Done);
  const Request latest = node.job("Zhang", S::Scheduled);
  ApiClient zhang = node.technician_client("Zhang", "3690");
  const HttpAnswer jobs = zhang.get("/api/v1/jobs");
  REQUIRE(jobs.status == 200);
  REQUIRE(jobs.body["jobs"].size() == 2);
  CHECK(jobs.body["jobs"][0]["code"] == latest.code);
  CHECK(jobs.body["jobs"][0]["state"] == "scheduled");
  CHECK(jobs.body["jobs"][1]["code"] == first.code);
  CHECK(jobs.body["jobs"][1]["product"]["zh"] == "空调");
  CHECK(jobs.body["jobs"][1]["problem"]["en"].is_string());
  CHECK_FALSE(jobs.body["jobs"][0].contains("phone"));
  CHECK(node.technician_client("Zhao", "4812").get("/api/v1/jobs").body["jobs"].size() == 1);
}

TEST_CASE("the phone, name and address go only to the assigned technician") {
  JobNode node;
  const Request r = node.job("Zhang", S::OnTheWay, "13912345678");
  const HttpAnswer mine = node.technician_client("Zhang", "3690").get("/api/v1/jobs/" + r.code);
  REQUIRE(mine.status == 200);
  CHECK(mine.body["job"]["mine"] == true);
  CHECK(mine.body["job"]["phone"] == "13912345678");
  CHECK(mine.body["job"]["address"] == "上海市浦东新区世纪大道100号");
  CHECK(mine.body["job"]["next"] == json::array({"on-site"}));
  CHECK(mine.body["job"]["events"].size() == 3);
  ApiClient zhao = node.technician_client("Zhao", "4812"), li = node.staff_client("Li", "2580", 1);
  for (ApiClient* other : {&zhao, &li}) {
    const HttpAnswer theirs = other->get("/api/v1/jobs/" + r.code);
    REQUIRE(theirs.status == 200);
    CHECK(theirs.body["job"]["mine"] == false);
    CHECK(theirs.body["job"]["phone"] == "139****5678");
    CHECK(theirs.body["job"]["address"].is_null());
    CHECK(theirs.body["job"]["contact_name"].is_null());
    CHECK(theirs.body["job"]["next"].empty());
    CHECK(theirs.body.dump().find("13912345678") == std::string::npos);
  }
}

TEST_CASE("work steps with the version seen; a stale version is refused plainly with the current state") {
  JobNode node;
  const Request r = node.job("Zhang", S::Assigned);
  ApiClient zhang = node.technician_client("Zhang", "3690");
  const std::string path = "/api/v1/jobs/" + r.code + "/transition";
  HttpAnswer moved = zhang.post(path, json{{"to", "on-the-way"}, {"note", "出发了"}, {"version", r.version}});
  REQUIRE(moved.status == 200);
  CHECK(moved.body["job"]["state"] == "on-the-way");
  CHECK(moved.body["job"]["version"] == r.version + 1);
  CHECK(moved.body["job"]["events"].back()["note"] == "出发了");
  CHECK(moved.body["job"]["events"].back()["by"] == "Zhang");

  const std::string before = snapshot(node);
  const HttpAnswer stale = zhang.post(path, json{{"to", "on-site"}, {"version", r.version}});
  check_error(stale, 409, "version-conflict", "stale version");
  CHECK(stale.body["error"]["message"].get<std::string>().find("on-the-way") != std::string::npos);
  check_error(zhang.post(path, json{{"to", "done"}, {"version", r.version + 1}}), 409, "illegal-transition",
              "skip on-site");
  check_error(zhang.post(path, json{{"to", "cancelled"}, {"version", r.version + 1}}), 409, "office-step", "cancel");
  check_error(node.technician_client("Zhao", "4812").post(path, json{{"to", "on-site"}, {"version", r.version + 1}}),
              403, "not-assignee", "someone else's job");
  CHECK(snapshot(node) == before);
  CHECK(zhang.post(path, json{{"to", "on-site"}, {"version", r.version + 1}}).status == 200);
}

TEST_CASE("scheduling the visit: the day and time of day agreed, else the customer's; a bad one refused plainly") {
  JobNode node;
  const Request r = node.job("Zhang", S::Assigned);  // the customer asked for 2026-11-24 afternoon
  ApiClient zhang = node.technician_client("Zhang", "3690");
  const std::string path = "/api/v1/jobs/" + r.code + "/transition";
  const HttpAnswer read = zhang.get("/api/v1/jobs/" + r.code);
  CHECK(read.body["today"] == "2026-11-23");  // the days a visit may be on, for the device's picker
  CHECK(read.body["last_visit_day"] == "2027-01-22");
  const std::string before = snapshot(node);
  check_error(zhang.post(path, json{{"to", "scheduled"}, {"version", r.version}, {"scheduled_window", "noon"}}), 400,
              "bad-field", "a window that does not exist");
  check_error(zhang.post(path, json{{"to", "scheduled"}, {"version", r.version}, {"scheduled_date", "2026-11-20"}}),
              400, "scheduled-date-past", "a day already past");
  CHECK(snapshot(node) == before);
  const HttpAnswer agreed = zhang.post(path, json{{"to", "scheduled"},
                                                  {"version", r.version},
                                                  {"scheduled_date", "2026-11-26"},
                                                  {"scheduled_window", "evening"}});
  REQUIRE(agreed.status == 200);
  CHECK(agreed.body["job"]["scheduled_date"] == "2026-11-26");
  CHECK(agreed.body["job"]["scheduled_window"] == "evening");
}

TEST_CASE("completion stores done, the customer's confirmation and rating in one transaction") {
  JobNode node;
  const Request r = node.job("Zhang", S::OnSite);
  ApiClient zhang = node.technician_client("Zhang", "3690");
  const std::string path = "/api/v1/jobs/" + r.code + "/complete";
  const std::string before = snapshot(node);
  check_error(zhang.post(path, json{{"note", "ok"},
                                    {"confirmed_by_customer", true},
                                    {"rating", {{"score", 5}, {"reasons", {"nice"}}}}}),
              400, "unknown-reason", "unknown reason");
  CHECK(snapshot(node) == before);

  const HttpAnswer done = zhang.post(path, json{{"note", "更换电容，已制冷"},
                                                {"confirmed_by_customer", true},
                                                {"rating", {{"score", 4}, {"reasons", {"fast", "solved"}}}},
                                                {"version", r.version}});
  REQUIRE(done.status == 200);
  CHECK(done.body["job"]["state"] == "done");
  CHECK(node.sql_text("SELECT state FROM request WHERE code = '" + r.code + "'") == "done");
  CHECK(node.sql_text("SELECT customer_confirmed_at IS NOT NULL FROM request") == "1");
  CHECK(node.sql_text("SELECT score || ' ' || reasons || ' ' || rated_by FROM request_rating") ==
        "4 fast,solved technician-device");
  CHECK(node.sql_text("SELECT count(*) FROM outbox WHERE kind = 'request_rating'") == "1");
  check_error(zhang.post(path, json{{"confirmed_by_customer", true}}), 409, "illegal-transition", "completed twice");
  CHECK(zhang.get("/api/v1/jobs").body["jobs"].empty());
}

TEST_CASE("bad input to every technician endpoint: a clear JSON error and nothing changed") {
  JobNode node;
  const Request r = node.job("Zhang", S::OnSite);
  ApiClient zhang = node.technician_client("Zhang", "3690");
  ApiClient anonymous(node.port);
  const std::string job = "/api/v1/jobs/" + r.code;
  const std::string before = snapshot(node);

  check_error(anonymous.get("/api/v1/jobs"), 401, "missing-token", "no token");
  check_error(anonymous.get(job), 401, "missing-token", "no token");
  check_error(anonymous.post(job + "/transition", json{{"to", "done"}, {"version", 1}}), 401, "missing-token",
              "no token");
  check_error(zhang.get("/api/v1/jobs/NOPE"), 400, "code-format", "bad code");
  check_error(zhang.get("/api/v1/jobs/R7K2-9QX"), 404, "unknown-request", "unknown code");
  check_error(zhang.get("/api/v1/jobs/" + std::string(40, 'A')), 404, "not-found", "overlong code");
  check_error(zhang.post(job), 405, "method-not-allowed", "POST a job");
  check_error(zhang.get(job + "/transition"), 405, "method-not-allowed", "GET a transition");
  for (const std::string& body :
       {std::string("{"), std::string("[]"), json{{"to", "done"}}.dump(), json{{"version", 4}}.dump(),
        json{{"to", 5}, {"version", 4}}.dump(), json{{"to", "flying"}, {"version", 4}}.dump(),
        json{{"to", "done"}, {"version", "4"}}.dump(), json{{"to", "done"}, {"version", 0}}.dump(),
        json{{"to", "done"}, {"version", 4}, {"note", std::string(3000, 'x')}}.dump(),
        json{{"to", "done"},
             {"version", 4},
             {"note",
              "\x07"
              "bell"}}
            .dump(),
        std::string("{\"to\": \"done\", \"version\": 4, \"note\": \"\xff\"}")}) {
    const HttpAnswer answer = zhang.post(job + "/transition", body);
    INFO(body);
    CHECK(answer.status == 400);
    CHECK(answer.body["error"]["code"].is_string());
  }
  check_error(
      zhang.post(job + "/transition", json{{"to", "done"}, {"version", r.version}, {"note", "好 \xF0\x9F\x98\x80"}}),
      400, "note-unsupported-character", "emoji note");
  for (const json& body :
       {json::object(), json{{"confirmed_by_customer", "yes"}}, json{{"confirmed_by_customer", true}, {"rating", 5}},
        json{{"confirmed_by_customer", true}, {"rating", {{"score", 9}}}},
        json{{"confirmed_by_customer", true}, {"rating", {{"reasons", {"fast"}}}}},
        json{{"confirmed_by_customer", true}, {"rating", {{"score", 3}, {"reasons", "fast"}}}},
        json{{"confirmed_by_customer", true}, {"rating", {{"score", 3}, {"comment", std::string(1500, 'c')}}}},
        json{{"confirmed_by_customer", true}, {"version", -1}}}) {
    const HttpAnswer answer = zhang.post(job + "/complete", body);
    INFO(body.dump());
    CHECK(answer.status == 400);
    CHECK(answer.body["error"]["code"].is_string());
  }
  check_error(zhang.post(job + "/complete", std::string(64 * 1024, 'x')), 413, "too-large", "huge body");
  CHECK(snapshot(node) == before);
}
