// The ticket page's side at HQ (docs/public-pages.md) against a real hq over
// HTTP: ticket records with a QR token make pages, the live queue post gives
// their places, a transfer keeps the token with the visit, the store's
// silence shows as stale, tokens expire with their day, unknown tokens are
// slowed down, an unchanged ticket answers 304, a visit is rated once from
// whichever device, and no answer ever holds the customer's phone.
// Business days are the store's tomorrow (never over while a test runs, at
// any hour) or the day before yesterday (always over).
#include <doctest/doctest.h>

#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr const char* kPhone = "13800138000";

std::string store_day(int days_from_today) {
  const StoreTimeZone shanghai = StoreTimeZone::load("Asia/Shanghai").value();  // the fixture's stores' zone
  return days_after(shanghai.business_day(SystemClock().now_ms()), days_from_today);
}

struct Ticket {
  std::string id = new_uuid();
  std::string token = random_token(20);
  std::string label = "A012";
  std::string service = "A";
  std::string day = store_day(1);
  std::string language = "en";
};

// A ticket record as the store uploads it (schema 13: token and language).
Json ticket_data(const Ticket& t, const std::string& state, std::optional<int> counter = std::nullopt) {
  Json data{{"ticket", t.label},          {"business_day", t.day},
            {"service", t.service},       {"state", state},
            {"issued_at", 1795400000000}, {"counter", counter ? Json(*counter) : Json(nullptr)},
            {"language", t.language}};
  if (!t.token.empty()) data["token"] = t.token;
  return data;
}

// One store device's outbox, uploaded record by record as its sync round sends them.
struct Store {
  HqFixture& hq;
  std::string token;
  std::string incarnation = new_uuid();
  std::int64_t seq = 0;

  HqAnswer send(const std::string& kind, const std::string& id, const Json& data) {
    ++seq;
    const Json record{{"seq", seq}, {"kind", kind}, {"id", id}, {"revision", seq}, {"store", "S1"}, {"data", data}};
    return hq.upload(token, upload_body(incarnation, incarnation + ":" + std::to_string(seq), {record}));
  }
  void ticket(const Ticket& t, const std::string& state, std::optional<int> counter = std::nullopt) {
    const HqAnswer sent = send("ticket", t.id, ticket_data(t, state, counter));
    REQUIRE(sent.status == 200);
    REQUIRE(sent.body["parked"].empty());
  }
  HqAnswer rating(const std::string& ticket_id, int score) {
    return send("rating", new_uuid(),
                Json{{"ticket_id", ticket_id},
                     {"score", score},
                     {"reasons", {"fast"}},
                     {"counter", 3},
                     {"created_at", 1795400000000}});
  }
  HqAnswer queue(const Json& tickets, const std::string& day = store_day(1)) {
    return hq.post(token, "/sync/v1/queue",
                   Json{{"business_day", day}, {"at", SystemClock().now_ms()}, {"tickets", tickets}}.dump());
  }
};

struct TicketHq {
  HqFixture hq;
  Store store{hq, hq.add_device("S1")};
  TicketHq() {
    REQUIRE(hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
    hq.start();
  }
  HqAnswer status(const std::string& token, const httplib::Headers& headers = {}) {
    return hq.get("", "/t/" + token + "/status", headers);
  }
  HqAnswer rate(const std::string& token, const Json& body) {
    return hq.post("", "/t/" + token + "/rating", body.dump());
  }
};

void check_public_headers(const HqAnswer& a) {
  CHECK(a.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(a.header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
  CHECK(a.header("Referrer-Policy") == "no-referrer");
  CHECK(a.header("X-Frame-Options") == "DENY");
  CHECK(a.header("X-Content-Type-Options") == "nosniff");
  CHECK(a.header("Cache-Control") == "no-store");
}

}  // namespace

TEST_CASE("a ticket uploaded with its token has a status page: store, service, number, state, fresh") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "waiting");

  const HqAnswer a = t.status(ticket.token);
  REQUIRE(a.status == 200);
  check_public_headers(a);
  CHECK(a.body["store"] == "Store one");
  CHECK(a.body["service"] == Json{{"zh", "咨询"}, {"en", "Consultation"}});
  CHECK(a.body["ticket"] == "A012");
  CHECK(a.body["state"] == "waiting");
  CHECK(a.body["counter"].is_null());
  CHECK(a.body["ahead"].is_null());  // no queue post yet
  CHECK(a.body["stale"] == false);
  CHECK(a.body["store_heard_at"].get<EpochMs>() <= a.body["hq_time"].get<EpochMs>());
  CHECK(a.body["rating"] == Json{{"open", false}, {"given", false}});
  CHECK(a.body["reasons"].size() == 7);
  CHECK(!a.header("ETag").empty());
  CHECK(t.hq.sql("SELECT language FROM ticket_page WHERE token = '" + ticket.token + "'") == "en");

  // A token that is not one (too long, a character the alphabet lacks) is not indexed: the record is stored.
  Ticket odd;
  odd.token = "not-a-token";
  t.store.ticket(odd, "waiting");
  CHECK(t.hq.sql("SELECT count(*) FROM ticket_page WHERE ticket_id = '" + odd.id + "'") == "0");
  CHECK(t.hq.sql("SELECT count(*) FROM record WHERE id = '" + odd.id + "'") == "1");
}

TEST_CASE("the live queue post gives places and waits; a called ticket shows its counter; phones stay at HQ") {
  TicketHq t;
  const Ticket first;
  Ticket second;
  second.label = "A013";
  t.store.ticket(first, "waiting");
  t.store.ticket(second, "waiting");

  const HqAnswer posted =
      t.store.queue(Json::array({{{"id", first.id}, {"ahead", 0}, {"wait_min", 2}},
                                 {{"id", second.id}, {"ahead", 1}, {"wait_min", nullptr}, {"phone", kPhone}}}));
  REQUIRE(posted.status == 200);
  CHECK(posted.body["tickets"] == 2);
  CHECK(posted.body["hq_time"].is_number_integer());
  CHECK(t.hq.sql("SELECT waiting FROM store_queue WHERE store_id = 'S1'") == "2");
  CHECK(t.hq.sql("SELECT phone FROM ticket_phone WHERE ticket_id = '" + second.id + "'") == kPhone);

  HqAnswer a = t.status(first.token);
  CHECK(a.body["ahead"] == 0);
  CHECK(a.body["wait_min"] == 2);
  a = t.status(second.token);
  CHECK(a.body["ahead"] == 1);
  CHECK(a.body["wait_min"].is_null());  // no open counter calls its service
  CHECK(a.raw.find(kPhone) == std::string::npos);
  CHECK(a.raw.find("****") == std::string::npos);

  // The first is called at counter 3; the next post lists only the second, now without a phone.
  t.store.ticket(first, "called", 3);
  REQUIRE(t.store.queue(Json::array({{{"id", second.id}, {"ahead", 0}, {"wait_min", 1}}})).status == 200);
  a = t.status(first.token);
  CHECK(a.body["state"] == "called");
  CHECK(a.body["counter"] == 3);
  CHECK(a.body["ahead"].is_null());
  CHECK(t.hq.sql("SELECT count(*) FROM ticket_page WHERE ticket_id = '" + first.id + "' AND ahead IS NULL") == "1");
  CHECK(t.hq.sql("SELECT count(*) FROM ticket_phone") == "0");
  CHECK(t.status(second.token).body["ahead"] == 0);
}

TEST_CASE("a queue post is checked field by field; a technician's tablet has none to send") {
  TicketHq t;
  const std::pair<Json, std::string> bad[] = {
      {Json{{"at", 1}, {"tickets", Json::array()}}, "business_day"},
      {Json{{"business_day", "2026-02-30"}, {"at", 1}, {"tickets", Json::array()}}, "business_day"},
      {Json{{"business_day", store_day(0)}, {"tickets", Json::array()}}, "at"},
      {Json{{"business_day", store_day(0)}, {"at", 1}}, "tickets"},
      {Json{{"business_day", store_day(0)}, {"at", 1}, {"tickets", {{{"id", "x"}, {"ahead", 0}, {"wait_min", 1}}}}},
       "tickets[0].id"},
      {Json{{"business_day", store_day(0)},
            {"at", 1},
            {"tickets", {{{"id", new_uuid()}, {"ahead", -1}, {"wait_min", 1}}}}},
       "tickets[0].ahead"},
      {Json{{"business_day", store_day(0)}, {"at", 1}, {"tickets", {{{"id", new_uuid()}, {"ahead", 0}}}}},
       "tickets[0].wait_min"},
      {Json{{"business_day", store_day(0)},
            {"at", 1},
            {"tickets", {{{"id", new_uuid()}, {"ahead", 0}, {"wait_min", 1}, {"phone", "138-0013"}}}}},
       "tickets[0].phone"},
  };
  for (const auto& [body, field] : bad) {
    CAPTURE(body.dump());
    const HqAnswer a = t.hq.post(t.store.token, "/sync/v1/queue", body.dump());
    CHECK(a.status == 400);
    CHECK(a.error_code() == "bad-request");
    CHECK(a.body["error"]["message"].get<std::string>().find("\"" + field + "\"") != std::string::npos);
  }
  CHECK(t.hq.sql("SELECT count(*) FROM store_queue") == "0");

  const HqCommand staff =
      t.hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
  REQUIRE(staff.exit_code == 0);
  const HqCommand tablet = t.hq.hq({"device", "add", "--technician", staff.lines[0]["staff"].get<std::string>()});
  REQUIRE(tablet.exit_code == 0);
  const HqAnswer refused =
      t.hq.post(tablet.lines[0]["token"].get<std::string>(), "/sync/v1/queue",
                Json{{"business_day", store_day(0)}, {"at", 1}, {"tickets", Json::array()}}.dump());
  CHECK(refused.status == 403);
  CHECK(refused.error_code() == "wrong-kind");
  CHECK(t.hq.post("", "/sync/v1/queue", "{}").status == 401);
}

TEST_CASE("a transferred ticket's page follows the visit to its continuation") {
  TicketHq t;
  const Ticket issued;
  t.store.ticket(issued, "waiting");
  t.store.ticket(issued, "called", 1);
  // Transferred at counter 1 to service B: the continuation (no token) first, then the original.
  Ticket continuation;
  continuation.token.clear();
  continuation.service = "B";
  Json data = ticket_data(continuation, "waiting");
  data["transferred_from"] = issued.id;
  REQUIRE(t.store.send("ticket", continuation.id, data).status == 200);
  Json original = ticket_data(issued, "transferred", 1);
  original["transferred_to"] = continuation.id;
  REQUIRE(t.store.send("ticket", issued.id, original).status == 200);

  HqAnswer a = t.status(issued.token);
  CHECK(a.body["state"] == "waiting");
  CHECK(a.body["service"]["en"] == "Complaints and suggestions");
  CHECK(t.hq.sql("SELECT ticket_id FROM ticket_page WHERE token = '" + issued.token + "'") == continuation.id);

  REQUIRE(t.store.queue(Json::array({{{"id", continuation.id}, {"ahead", 2}, {"wait_min", 6}}})).status == 200);
  CHECK(t.status(issued.token).body["ahead"] == 2);
  data["state"] = "called";
  data["counter"] = 2;
  REQUIRE(t.store.send("ticket", continuation.id, data).status == 200);
  a = t.status(issued.token);
  CHECK(a.body["state"] == "called");
  CHECK(a.body["counter"] == 2);
}

TEST_CASE("a store not heard from for over 90 s makes its pages stale; a page's day over is 410") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "waiting");
  Ticket yesterday;
  yesterday.day = store_day(-2);
  t.store.ticket(yesterday, "waiting");
  const EpochMs heard = t.status(ticket.token).body["store_heard_at"].get<EpochMs>();

  const HqAnswer expired = t.status(yesterday.token);
  CHECK(expired.status == 410);
  CHECK(expired.error_code() == "expired-ticket");
  check_public_headers(expired);
  CHECK(t.rate(yesterday.token, Json{{"score", 5}}).status == 410);

  // HQ's clock (every process of hq) 100 s on; the store silent since.
  t.hq.stop();
  t.hq.start(100'000);
  const HqAnswer a = t.status(ticket.token);
  REQUIRE(a.status == 200);
  CHECK(a.body["stale"] == true);
  CHECK(a.body["store_heard_at"] == heard);
  CHECK(a.body["state"] == "waiting");

  // A feed read is the store heard from again.
  REQUIRE(t.hq.get(t.store.token, "/sync/v1/changes?after=0").status == 200);
  CHECK(t.status(ticket.token).body["stale"] == false);
}

TEST_CASE("unknown tokens are 404, and past 20 a minute from one address everything is 429 for it") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "waiting");
  // Phones behind a reverse proxy on HQ's host: X-Forwarded-For names each.
  const httplib::Headers guesser{{"X-Forwarded-For", "198.51.100.7, 10.0.0.1"}};
  const HqAnswer unknown = t.status(random_token(20), guesser);
  CHECK(unknown.status == 404);
  CHECK(unknown.error_code() == "unknown-ticket");
  check_public_headers(unknown);
  const HqAnswer malformed = t.status("abc%27%3B", guesser);  // not a token: the same answer
  CHECK(malformed.status == 404);
  CHECK(malformed.error_code() == "unknown-ticket");
  for (int i = 2; i < 20; ++i) REQUIRE(t.status(random_token(20), guesser).status == 404);

  const HqAnswer slowed = t.status(random_token(20), guesser);
  CHECK(slowed.status == 429);
  CHECK(slowed.error_code() == "slowed-down");
  CHECK(std::stoi(slowed.header("Retry-After")) > 0);
  check_public_headers(slowed);
  CHECK(t.status(ticket.token, guesser).status == 429);  // before any lookup
  CHECK(t.hq.post("", "/t/" + ticket.token + "/rating", R"({"score": 5})", guesser).status == 429);

  // Another phone behind the proxy, and the proxy's own address, are not slowed.
  CHECK(t.status(ticket.token, {{"X-Forwarded-For", "10.0.0.2"}}).status == 200);
  CHECK(t.status(ticket.token).status == 200);
}

TEST_CASE("an unchanged ticket answers 304 to its ETag; a change answers anew") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "waiting");
  const HqAnswer first = t.status(ticket.token);
  const std::string etag = first.header("ETag");
  REQUIRE(!etag.empty());

  const HqAnswer same = t.status(ticket.token, {{"If-None-Match", etag}});
  CHECK(same.status == 304);
  CHECK(same.raw.empty());
  CHECK(same.header("ETag") == etag);
  CHECK(same.header("Cache-Control") == "no-store");

  t.store.ticket(ticket, "called", 3);
  const HqAnswer changed = t.status(ticket.token, {{"If-None-Match", etag}});
  CHECK(changed.status == 200);
  CHECK(changed.header("ETag") != etag);
  CHECK(changed.body["counter"] == 3);
}

TEST_CASE("a served visit is rated once from the phone: stored as the store's rating, counted, told to the store") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "waiting");
  REQUIRE(t.store.queue(Json::array({{{"id", ticket.id}, {"ahead", 0}, {"wait_min", 1}, {"phone", kPhone}}})).status ==
          200);

  HqAnswer early = t.rate(ticket.token, Json{{"score", 5}});
  CHECK(early.status == 409);
  CHECK(early.error_code() == "not-finished");
  t.store.ticket(ticket, "done", 3);
  CHECK(t.status(ticket.token).body["rating"] == Json{{"open", true}, {"given", false}});

  CHECK(t.rate(ticket.token, Json{{"score", 6}}).error_code() == "bad-score");
  CHECK(t.rate(ticket.token, Json{{"score", "5"}}).error_code() == "bad-score");
  CHECK(t.rate(ticket.token, Json{{"score", 5}, {"reasons", {"fast", "cheap"}}}).error_code() == "unknown-reason");
  const HqAnswer rated = t.rate(ticket.token, Json{{"score", 5}, {"reasons", {"fast", "friendly"}}});
  REQUIRE(rated.status == 200);
  CHECK(rated.body == Json{{"rated", true}});
  check_public_headers(rated);
  const HqAnswer again = t.rate(ticket.token, Json{{"score", 1}});
  CHECK(again.status == 409);
  CHECK(again.error_code() == "already-rated");

  const HqAnswer a = t.status(ticket.token);
  CHECK(a.body["state"] == "served");
  CHECK(a.body["rating"] == Json{{"open", false}, {"given", true}});
  for (const HqAnswer* answer : {&a, &rated, &again}) CHECK(answer->raw.find(kPhone) == std::string::npos);

  // A rating record of the store, as if uploaded, in the figures.
  const std::vector<Json> ratings = t.hq.exported("S1", "ratings");
  REQUIRE(ratings.size() == 1);
  CHECK(ratings[0]["data"]["ticket_id"] == ticket.id);
  CHECK(ratings[0]["data"]["score"] == 5);
  CHECK(ratings[0]["data"]["source"] == "phone");
  CHECK(ratings[0]["data"]["counter"] == 3);
  CHECK(t.hq.sql("SELECT r5 FROM figure_ledger WHERE store_id = 'S1' AND day = '" + ticket.day + "'") == "1");

  // The store learns it from its feed.
  const HqAnswer feed = t.hq.get(t.store.token, "/sync/v1/changes?after=0");
  REQUIRE(feed.status == 200);
  int told = 0;
  for (const Json& change : feed.body["changes"])
    if (change["kind"] == "ticket_rated") {
      ++told;
      CHECK(change["key"] == ticket.id);
      CHECK(change["data"]["rating"] == ratings[0]["id"]);
      CHECK(change["data"]["score"] == 5);
    }
  CHECK(told == 1);
  CHECK(feed.raw.find(kPhone) == std::string::npos);

  // The kiosk's own rating of the visit, made before it heard: parked, not counted twice.
  const HqAnswer kiosk = t.store.rating(ticket.id, 2);
  REQUIRE(kiosk.status == 200);
  REQUIRE(kiosk.body["parked"].size() == 1);
  CHECK(kiosk.body["parked"][0]["code"] == "already-rated");
  CHECK(t.hq.exported("S1", "ratings").size() == 1);
  CHECK(t.hq.sql("SELECT r2 FROM figure_ledger WHERE store_id = 'S1' AND day = '" + ticket.day + "'") == "0");
}

TEST_CASE("a visit rated at the kiosk cannot be rated again from the phone") {
  TicketHq t;
  const Ticket ticket;
  t.store.ticket(ticket, "done", 2);
  const HqAnswer kiosk = t.store.rating(ticket.id, 4);
  REQUIRE(kiosk.status == 200);
  REQUIRE(kiosk.body["parked"].empty());
  CHECK(t.status(ticket.token).body["rating"] == Json{{"open", false}, {"given", true}});
  const HqAnswer phone = t.rate(ticket.token, Json{{"score", 5}});
  CHECK(phone.status == 409);
  CHECK(phone.error_code() == "already-rated");
  // A second rating from the kiosk is parked too.
  CHECK(t.store.rating(ticket.id, 4).body["parked"].size() == 1);
}

TEST_CASE("hq public set checks the address, tells every store, and is audited; show and remove") {
  HqFixture hq;
  const HqCommand bad = hq.hq({"public", "set", "--url", "https://q.example.com/"});
  CHECK(bad.exit_code == 2);
  REQUIRE(bad.lines.size() == 1);
  CHECK(bad.lines[0]["error"].get<std::string>().find("must not end with /") != std::string::npos);
  CHECK(hq.hq({"public", "set", "--url", "ftp://q.example.com"}).exit_code == 2);
  CHECK(hq.sql("SELECT count(*) FROM change_log WHERE kind = 'public_page'") == "0");

  const HqCommand set = hq.hq({"public", "set", "--url", "https://q.example.com"});
  REQUIRE(set.exit_code == 0);
  CHECK(set.lines[0] == Json{{"public_url", "https://q.example.com"}, {"reminders", false}});
  CHECK(hq.hq({"public", "show"}).lines[0]["public_url"] == "https://q.example.com");
  CHECK(hq.sql("SELECT count(*) FROM console_audit WHERE actor = 'cli' AND target = 'public_url'") == "1");

  const std::string token = hq.add_device("S1");
  hq.start();
  const HqAnswer feed = hq.get(token, "/sync/v1/changes?after=0");
  Json told;
  for (const Json& change : feed.body["changes"])
    if (change["kind"] == "public_page") told = change;
  CHECK(told["key"] == "settings");
  CHECK(told["data"] == Json{{"public_url", "https://q.example.com"}, {"reminders", false}});

  REQUIRE(hq.hq({"public", "set", "--url", ""}).exit_code == 0);
  CHECK(hq.hq({"public", "show"}).lines[0]["public_url"].is_null());
  CHECK(hq.sql("SELECT count(*) FROM change_log WHERE kind = 'public_page'") == "2");
}

TEST_CASE("the console's admin sets the public address too; other roles may not") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient admin(c.hq.port), manager(c.hq.port);
  REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  CHECK(admin.get("/api/console/v1/settings/public").body == Json{{"public_url", nullptr}, {"reminders", false}});
  CHECK(manager.send("PUT", "/api/console/v1/settings/public", R"({"public_url": "https://q.example.com"})").status ==
        403);

  const HqAnswer bad = admin.send("PUT", "/api/console/v1/settings/public", R"({"public_url": "q.example.com"})");
  CHECK(bad.status == 400);
  CHECK(bad.error_code() == "bad-public-url");
  const HqAnswer set =
      admin.send("PUT", "/api/console/v1/settings/public", R"({"public_url": "https://q.example.com"})");
  REQUIRE(set.status == 200);
  CHECK(set.body["public_url"] == "https://q.example.com");
  CHECK(c.hq.sql("SELECT actor FROM console_audit WHERE target = 'public_url'") == "ada");
  CHECK(c.hq.sql("SELECT count(*) FROM change_log WHERE kind = 'public_page'") == "1");
}
