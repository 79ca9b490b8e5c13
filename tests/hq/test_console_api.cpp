// The console's API on a real hq: users made with `hq user add`, logins and
// their lockout, the session cookie's attributes, CSRF on changes, each
// role's part, device tokens and console sessions kept apart, bad input, the
// audit list; session expiry and the lockout's end on a server with a test
// clock.
#include <doctest/doctest.h>

#include <fstream>

#include "core/clock.h"
#include "core/random_id.h"
#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"
#include "hq/hq_server.h"
#include "hq/synced_store.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr const char* kPassword = kConsolePassword;

const std::string kServices = "/api/console/v1/reports/services";

// An hq serving in this process on the fixture's database at a clock the test
// moves; stores that sync with the fixture sync with it.
struct ClockedHq {
  ManualClock clock;
  hq::HqServer server;
  int port = 0;
  ClockedHq(HqFixture& hq, EpochMs start) : clock(start), server(config_of(hq), clock) {
    const Result<int> started = server.start();
    REQUIRE(started.ok());
    port = hq.port = started.value();
  }
  static hq::HqServerConfig config_of(const HqFixture& hq) {
    hq::HqServerConfig config;
    config.db = hq.db;
    config.listen.port = 0;
    return config;
  }
};

// A moment at least `span_ms` before the end of its business day (in
// Shanghai): now, or just after the next midnight when that is too close, so
// that what a test does from it stays on one business day whatever the clock.
EpochMs away_from_midnight(EpochMs span_ms) {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  const EpochMs now = SystemClock().now_ms();
  if (zone.business_day(now + span_ms) == zone.business_day(now)) return now;
  return zone.day_start(zone.business_day(now + span_ms)) + 60'000;
}

}  // namespace

TEST_CASE("a console login gives an HttpOnly, SameSite=Strict session; a wrong password or name the same 401") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient manager(c.hq.port);
  const HqAnswer in = manager.login("mia", kPassword);
  REQUIRE(in.status == 200);
  CHECK(in.body["user"]["role"] == "manager");
  CHECK(in.body["csrf"].get<std::string>().size() == 64);
  const std::string cookie = in.header("Set-Cookie");
  CHECK(cookie.find("hq_session=") == 0);
  for (const char* attribute : {"; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200"})
    CHECK_MESSAGE(cookie.find(attribute) != std::string::npos, attribute);
  CHECK(manager.get("/api/console/v1/session").body["user"]["name"] == "mia");

  ConsoleClient stranger(c.hq.port);
  const HqAnswer wrong = stranger.login("mia", "not the password");
  const HqAnswer unknown = stranger.login("nobody", kPassword);
  CHECK(wrong.status == 401);
  CHECK(unknown.status == 401);
  CHECK(wrong.body == unknown.body);
  CHECK(wrong.error_code() == "wrong-password");
  CHECK(stranger.get(kServices + "?from=2026-11-01&to=2026-11-02").error_code() == "not-logged-in");
}

TEST_CASE("five wrong passwords lock a console user, the right one included, and say for how long") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient client(c.hq.port);
  for (int i = 0; i < 5; ++i) CHECK(client.login("dan", "wrong wrong wrong").status == 401);
  const HqAnswer locked = client.login("dan", kPassword);
  CHECK(locked.status == 429);
  CHECK(locked.error_code() == "locked-out");
  CHECK(std::stoi(locked.header("Retry-After")) > 14 * 60);
  CHECK(client.login("mia", kPassword).status == 200);  // another user is not locked
}

TEST_CASE("every console change needs the session's CSRF token and no foreign Origin") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient admin(c.hq.port);
  REQUIRE(admin.login("ada", kPassword).status == 200);
  CHECK(admin.send("DELETE", "/api/console/v1/session", "{}", {{"X-CSRF-Token", ""}}).error_code() == "csrf");
  CHECK(admin.send("DELETE", "/api/console/v1/session", "{}", {{"X-CSRF-Token", std::string(64, '0')}}).error_code() ==
        "csrf");
  CHECK(admin.send("DELETE", "/api/console/v1/session", "{}", {{"Origin", "http://evil.example"}}).error_code() ==
        "csrf");
  CHECK(admin.get("/api/console/v1/session").status == 200);  // still logged in
  CHECK(admin.send("DELETE", "/api/console/v1/session").status == 200);
  CHECK(admin.get("/api/console/v1/session").error_code() == "not-logged-in");
  // A login posted by another site's form is refused too.
  httplib::Client browser("127.0.0.1", c.hq.port);
  const HqAnswer form =
      answer_of(browser.Post("/api/console/v1/session", "name=ada&password=x", "application/x-www-form-urlencoded"));
  CHECK(form.status == 415);
  const HqAnswer foreign =
      answer_of(browser.Post("/api/console/v1/session", {{"Origin", "http://evil.example"}},
                             Json{{"name", "ada"}, {"password", kPassword}}.dump(), "application/json"));
  CHECK(foreign.error_code() == "csrf");
}

TEST_CASE("each console role sees only its part") {
  ConsoleHq c;
  c.hq.start();
  std::map<std::string, ConsoleClient> as;
  for (const std::string name : {"ada", "mia", "dan"}) {
    as.emplace(name, ConsoleClient(c.hq.port));
    REQUIRE(as.at(name).login(name, kPassword).status == 200);
  }
  const std::string report = kServices + "?from=2026-11-01&to=2026-11-30";
  // (path, who may) for every GET route of the console's API.
  const std::vector<std::pair<std::string, std::set<std::string>>> routes{
      {report, {"mia"}},
      {"/api/console/v1/users", {"ada"}},
      {"/api/console/v1/live", {"mia", "dan"}},
      {"/api/console/v1/alerts", {"mia"}},
      {"/api/console/v1/catalog/services", {"ada", "mia", "dan"}},
      {"/api/console/v1/reports/trend?from=2026-11-01&to=2026-11-30", {"mia"}},
      {"/api/console/v1/me", {"ada", "mia", "dan"}},
      {"/api/console/v1/audit", {"ada"}},
      {"/api/console/v1/session", {"ada", "mia", "dan"}},
  };
  for (const auto& [path, allowed] : routes)
    for (auto& [name, client] : as) {
      const HqAnswer answer = client.get(path);
      INFO(name << " GET " << path << ": " << answer.raw);
      CHECK(answer.status == (allowed.count(name) ? 200 : 403));
      if (!allowed.count(name)) CHECK(answer.error_code() == "forbidden");
    }
}

TEST_CASE("device tokens never open the console, and console sessions never open the sync API") {
  ConsoleHq c;
  const std::string token = c.hq.add_device("S1");
  c.hq.start();
  CHECK(c.hq.get(token, kServices + "?from=2026-11-01&to=2026-11-02").error_code() == "not-logged-in");
  ConsoleClient manager(c.hq.port);
  REQUIRE(manager.login("mia", kPassword).status == 200);
  const HqAnswer sync = manager.get("/sync/v1/changes?after=0");
  CHECK(sync.status == 401);
  CHECK(sync.error_code() == "missing-token");
}

TEST_CASE("the console's API answers bad input in words") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient manager(c.hq.port);
  REQUIRE(manager.login("mia", kPassword).status == 200);
  const std::vector<std::pair<std::string, std::string>> queries{
      {"?from=2026-02-30&to=2026-03-01", "bad-query"},
      {"?from=2026-03-02&to=2026-03-01", "bad-query"},
      {"?from=2025-01-01&to=2026-03-01", "bad-query"},
      {"?to=2026-03-01", "bad-query"},
      {"?from=2026-03-01&to=2026-03-01&store=NOPE", "unknown-store"},
  };
  for (const auto& [query, code] : queries) {
    const HqAnswer answer = manager.get(kServices + query);
    INFO(query << ": " << answer.raw);
    CHECK(answer.status == (code == "unknown-store" ? 404 : 400));
    CHECK(answer.error_code() == code);
    CHECK_FALSE(answer.body["error"]["message"].get<std::string>().empty());
  }
  httplib::Client browser("127.0.0.1", c.hq.port);
  CHECK(answer_of(browser.Post("/api/console/v1/session", "{not json", "application/json")).error_code() == "bad-json");
  CHECK(answer_of(browser.Post("/api/console/v1/session", Json{{"name", 5}, {"password", kPassword}}.dump(),
                               "application/json"))
            .error_code() == "bad-field");
  CHECK(answer_of(browser.Put("/api/console/v1/session", "{}", "application/json")).status == 405);

  // hq user add refuses what it cannot keep.
  const std::string file = c.hq.dir.file("weak");
  const std::vector<std::string> weak_ones{"short", "1234567", "tab\tinside the password",
                                           std::string("\xff\xfe") + "not utf-8 at all"};
  for (const std::string& weak : weak_ones) {
    std::ofstream(file) << weak << "\n";
    CHECK(c.hq.hq({"user", "add", "--name", "eve", "--role", "admin", "--password-file", file}).exit_code == 2);
  }
  std::ofstream(file) << "12345678\n";  // a PIN of 8 digits will do
  CHECK(c.hq.hq({"user", "add", "--name", "eve", "--role", "admin", "--password-file", file}).exit_code == 0);
  CHECK(c.hq.hq({"user", "add", "--name", "eve", "--role", "admin", "--password-file", file}).exit_code == 3);
  CHECK(c.hq.hq({"user", "add", "--name", "eva", "--role", "owner", "--password-file", file}).exit_code == 2);
}

TEST_CASE("the audit list names who did what: stores and users added at the command line, logins, lockouts") {
  ConsoleHq c;
  c.hq.start();
  ConsoleClient admin(c.hq.port), guesser(c.hq.port);
  for (int i = 0; i < 5; ++i) guesser.login("dan", "wrong wrong wrong");
  REQUIRE(admin.login("ada", kPassword).status == 200);
  REQUIRE(c.hq.hq({"user", "disable", "--name", "mia"}).exit_code == 0);
  const HqAnswer audit = admin.get("/api/console/v1/audit");
  REQUIRE(audit.status == 200);
  std::vector<std::string> seen;
  for (const Json& e : audit.body["entries"])
    seen.push_back(e["actor"].get<std::string>() + " " + e["action"].get<std::string>() + " " +
                   e["target"].get<std::string>());
  const std::vector<std::string> expected{"cli user-disable mia", "ada login ada",    "dan locked-out dan",
                                          "cli user-add dan",     "cli user-add mia", "cli user-add ada",
                                          "cli store-add S2",     "cli store-add S1", "hq kb-seed kb"};
  CHECK(seen == expected);
}

TEST_CASE("a console session ends after 30 idle minutes, and a lockout after 15") {
  HqFixture hq;
  add_console_user(hq, "mia", "manager");
  ClockedHq served(hq, SystemClock().now_ms());
  ManualClock& clock = served.clock;
  ConsoleClient manager(served.port);
  REQUIRE(manager.login("mia", kPassword).status == 200);
  clock.advance_s(29 * 60);
  CHECK(manager.get("/api/console/v1/session").status == 200);  // in use: the idle time starts again
  clock.advance_s(29 * 60);
  CHECK(manager.get("/api/console/v1/session").status == 200);
  clock.advance_s(31 * 60);
  CHECK(manager.get("/api/console/v1/session").error_code() == "session-expired");

  ConsoleClient guesser(served.port);
  for (int i = 0; i < 5; ++i) guesser.login("mia", "wrong wrong wrong");
  CHECK(guesser.login("mia", kPassword).status == 429);
  clock.advance_s(16 * 60);
  CHECK(guesser.login("mia", kPassword).status == 200);
}

TEST_CASE("the live view shows each store's waiting visits, longest wait, open counters and problems") {
  ConsoleHq c;
  REQUIRE(c.hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  const EpochMs start = away_from_midnight(10 * 60'000), shift = start - SystemClock().now_ms();
  ClockedHq served(c.hq, start);
  SyncedStore store(c.hq);
  for (const char* service : {"A", "A", "B"})
    REQUIRE(kioskctl(store.data, {"issue", "--service", service}, shift).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"call", "--counter", "1"}, shift).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}, shift).exit_code == 0);
  served.clock.advance_s(60);

  ConsoleClient dispatcher(served.port);
  REQUIRE(dispatcher.login("dan", kPassword).status == 200);
  const HqAnswer live = dispatcher.get("/api/console/v1/live");
  REQUIRE(live.status == 200);
  INFO(live.raw);
  std::map<std::string, Json> stores;
  for (const Json& s : live.body["stores"]) stores[s["store"]] = s;
  REQUIRE(stores.size() == 2);
  const Json& s1 = stores["S1"];
  CHECK(s1["waiting"] == 2);
  CHECK(s1["longest_wait_s"].get<double>() >= 0);
  CHECK(s1["counters_open"] == 1);
  CHECK(s1["last_contact_at"].is_number_integer());
  CHECK(s1["problems"].empty());
  REQUIRE(s1["services"].size() == 2);
  CHECK(s1["services"][0]["service"] == "A");
  CHECK(s1["services"][0]["zh"] == "咨询");
  CHECK(s1["services"][0]["waiting"] == 1);
  CHECK(s1["services"][0]["over_target"] == false);
  CHECK(stores["S2"]["problems"] == Json::array({"down"}));  // no device has ever reported
  CHECK(stores["S2"]["last_contact_at"].is_null());
}

TEST_CASE(
    "alerts open for a wait past its target, a burst of unhappy ratings and a store not heard from, clear by "
    "themselves, and are acknowledged with a comment") {
  ConsoleHq c;
  REQUIRE(c.hq.hq({"catalog", "import", std::string(KIOSK_ASSETS_DIR) + "/catalog-default.jsonl"}).exit_code == 0);
  // A ticket issued, then HQ 40 minutes later: one business day.
  const EpochMs issued = away_from_midnight(45 * 60'000), shift = issued - SystemClock().now_ms();
  ClockedHq served(c.hq, issued);
  SyncedStore store(c.hq);
  REQUIRE(kioskctl(store.data, {"issue", "--service", "A"}, shift).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}, shift).exit_code == 0);
  served.clock.advance_s(40 * 60);
  // Four ratings of the last minutes, three of them 1 or 2, as a kiosk sends them.
  std::vector<Json> ratings;
  int seq = 0;
  for (int score : {1, 2, 2, 5})
    ratings.push_back(
        Json{{"seq", ++seq},
             {"kind", "rating"},
             {"id", new_uuid()},
             {"revision", 1},
             {"store", "S1"},
             {"data", {{"ticket_id", new_uuid()}, {"score", score}, {"created_at", served.clock.now_ms() - 60'000}}}});
  const std::string incarnation = new_uuid();
  REQUIRE(c.hq.upload(store.token, upload_body(incarnation, incarnation + ":1", ratings)).status == 200);

  ConsoleClient manager(served.port);
  REQUIRE(manager.login("mia", kPassword).status == 200);
  const HqAnswer listed = manager.get("/api/console/v1/alerts");
  REQUIRE(listed.status == 200);
  INFO(listed.raw);
  std::map<std::string, Json> open;
  for (const Json& alert : listed.body["alerts"])
    open[alert["store"].get<std::string>() + " " + alert["kind"].get<std::string>()] = alert;
  CHECK(open.size() == 4);
  CHECK(open.at("S1 wait-over-target")["subject"] == "A");
  CHECK(open.at("S1 wait-over-target")["detail"]["waiting"] == 1);
  CHECK(open.at("S1 unhappy-ratings")["detail"] == Json{{"ratings", 4}, {"unhappy", 3}});
  CHECK(open.count("S1 store-down") == 1);  // its last sync was 40 minutes ago
  CHECK(open.count("S2 store-down") == 1);  // no device has ever reported

  const std::string id = open.at("S1 unhappy-ratings")["id"];
  const std::string ack = "/api/console/v1/alerts/" + id + "/ack";
  CHECK(manager.send("POST", ack, Json{{"comment", ""}}.dump()).error_code() == "bad-field");
  CHECK(manager.send("POST", "/api/console/v1/alerts/nope/ack", Json{{"comment", "x"}}.dump()).status == 404);
  const HqAnswer done = manager.send("POST", ack, Json{{"comment", "called the store: a new clerk, coached"}}.dump());
  REQUIRE(done.status == 200);
  CHECK(done.body["acked_by"] == "mia");
  CHECK(manager.send("POST", ack, Json{{"comment", "again"}}.dump()).error_code() == "already-acknowledged");

  // The visit is called and the store syncs: those alerts clear, and stay in the last 30 days' list.
  REQUIRE(kioskctl(store.data, {"call", "--counter", "1"}, shift + 40 * 60'000).exit_code == 0);
  REQUIRE(kioskctl(store.data, {"sync"}, shift + 40 * 60'000).exit_code == 0);
  const HqAnswer after = manager.get("/api/console/v1/alerts");
  REQUIRE_MESSAGE(after.status == 200, after.raw);
  for (const Json& alert : after.body["alerts"]) {
    CHECK(alert["kind"] != "wait-over-target");
    CHECK_FALSE((alert["store"] == "S1" && alert["kind"] == "store-down"));
  }
  const HqAnswer all = manager.get("/api/console/v1/alerts?state=all");
  REQUIRE_MESSAGE(all.status == 200, all.raw);
  bool cleared = false;
  for (const Json& alert : all.body["alerts"])
    cleared |= alert["kind"] == "wait-over-target" && alert["cleared_at"].is_number_integer();
  CHECK(cleared);
  CHECK(manager.get("/api/console/v1/alerts?state=some").error_code() == "bad-query");

  ConsoleClient admin(served.port);
  REQUIRE(admin.login("ada", kPassword).status == 200);
  const HqAnswer audit = admin.get("/api/console/v1/audit");
  REQUIRE_MESSAGE(audit.status == 200, audit.raw);
  bool audited = false;
  for (const Json& e : audit.body["entries"]) audited |= e["action"] == "alert-ack" && e["actor"] == "mia";
  CHECK(audited);
  // hq alerts (on the real clock) lists S2's store-down too.
  const HqCommand cli = c.hq.hq({"alerts"});
  REQUIRE(cli.exit_code == 0);
  bool s2_down = false;
  for (const Json& alert : cli.lines) s2_down |= alert["store"] == "S2" && alert["kind"] == "store-down";
  CHECK(s2_down);
}
