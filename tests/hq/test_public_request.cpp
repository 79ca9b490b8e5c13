// "Check my request" from a phone (docs/public-pages.md, "Request lookup") on
// a real hq fed by a real store (`kioskctl sync`): the code and the phone's
// last four digits give the kiosk's timeline and nothing personal; a wrong
// code and wrong digits answer alike; the kiosk's slow-down per code and per
// client address, kept in HQ's database (a restart and a second hq process
// forget nothing); format errors are not counted. A finished job is rated
// once, from the phone or the kiosk, whichever comes first: the phone's
// rating is a record of the store that reaches its feed, and the store's
// later rating of that job is parked. Also the status's pure rules.
#include <doctest/doctest.h>

#include <set>

#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"
#include "hq/public_guard.h"
#include "hq/public_request_status.h"
#include "hq/synced_store.h"
#include "requests/request_book.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr const char* kPhone = "13812345678";
constexpr const char* kName = "王小明";
constexpr const char* kAddress = "浦东新区世纪大道 100 号";

// A store's business day `days` from now (Shanghai).
std::string day_from_now(int days) {
  return StoreTimeZone::load("Asia/Shanghai").value().business_day(SystemClock().now_ms() + days * 86'400'000LL);
}

// An hq with HQ's product catalogue and store S1 syncing to it, with its technician.
struct Phone {
  HqFixture hq;
  SyncedStore store{start(hq)};
  std::string technician = staff(hq);

  static HqFixture& start(HqFixture& hq) {
    REQUIRE(hq.hq({"products", "import", std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl"}).exit_code == 0);
    hq.start();
    return hq;
  }
  static std::string staff(HqFixture& hq) {
    const HqCommand added =
        hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
    REQUIRE(added.exit_code == 0);
    return added.lines.at(0)["staff"];
  }
  // A home visit asked for at the store, uploaded; its code.
  std::string request() {
    const CtlReply created = kioskctl(
        store.data, {"request", "create", "--product", "phone", "--problem", "no-power", "--name", kName, "--phone",
                     kPhone, "--consent", "--address", kAddress, "--date", day_from_now(2), "--window", "morning"});
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    sync();
    return created.body["code"];
  }
  void to(const std::string& code, const std::string& state) {
    std::vector<std::string> args{"request", "transition", "--code", code, "--to", state, "--note", "私人备注"};
    if (state == "assigned") args.insert(args.end(), {"--assignee", technician});
    if (state == "scheduled") args.insert(args.end(), {"--date", day_from_now(2), "--window", "morning"});
    const CtlReply moved = kioskctl(store.data, args);
    REQUIRE_MESSAGE(moved.exit_code == 0, moved.body.dump());
  }
  // Done by its technician at the store, uploaded.
  void finish(const std::string& code) {
    for (const char* state : {"assigned", "on-site", "done"}) to(code, state);
    sync();
  }
  void sync() {
    const CtlReply round = kioskctl(store.data, {"sync"});
    REQUIRE_MESSAGE(round.exit_code == 0, round.body.dump());
  }
  HqAnswer lookup(const std::string& code, const std::string& last_four, int at_port = 0) {
    return hq.post("", "/r/lookup", Json{{"code", code}, {"last_four", last_four}}.dump(), {}, at_port);
  }
  HqAnswer rate(const std::string& code, const std::string& last_four, Json rating) {
    rating["code"] = code;
    rating["last_four"] = last_four;
    return hq.post("", "/r/rating", rating.dump());
  }
  // The store's feed at HQ, as its devices read it.
  std::vector<Json> feed(const std::string& kind) {
    const HqAnswer changes = hq.get(store.token, "/sync/v1/changes?after=0&limit=1000");
    REQUIRE(changes.status == 200);
    std::vector<Json> found;
    for (const Json& change : changes.body["changes"])
      if (change["kind"] == kind) found.push_back(change);
    return found;
  }
  std::vector<Json> request_ratings() {
    std::vector<Json> ratings;
    for (const Json& line : hq.exported("S1", "request-ratings"))
      if (line.contains("kind")) ratings.push_back(line);
    return ratings;
  }
};

void check_refused(const HqAnswer& answer, int status, const std::string& code) {
  CHECK_MESSAGE(answer.status == status, answer.raw);
  CHECK_MESSAGE(answer.error_code() == code, answer.raw);
}

}  // namespace

TEST_CASE("a phone finds a store's request by its code and the phone's last four digits: its timeline, nothing else") {
  Phone p;
  const std::string code = p.request();
  std::string typed = code;  // as a customer may type it: lower case, no dash
  typed.erase(typed.find('-'), 1);
  for (char& c : typed) c = char(std::tolower(static_cast<unsigned char>(c)));
  const HqAnswer found = p.lookup(typed, "5678");
  REQUIRE_MESSAGE(found.status == 200, found.raw);
  CHECK(found.body["code"] == code);
  CHECK(found.body["kind"] == "repair");
  CHECK(found.body["product"] == Json{{"code", "phone"}, {"zh", "手机"}, {"en", "Mobile phones"}});
  CHECK(found.body["problem"] == Json{{"code", "no-power"}, {"zh", "无法开机"}, {"en", "Won't power on"}});
  CHECK(found.body["state"] == "received");
  CHECK(found.body["scheduled_date"].is_null());
  REQUIRE(found.body["timeline"].size() == 1);
  CHECK(found.body["timeline"][0]["state"] == "received");
  CHECK(found.body["rated"] == false);
  CHECK(found.body["rating_open"] == false);
  CHECK(found.body["reasons"].size() == 7);
  CHECK(found.header("Cache-Control") == "no-store");
  CHECK(found.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
  CHECK(found.header("X-Frame-Options") == "DENY");
  CHECK(found.header("Referrer-Policy") == "no-referrer");

  p.to(code, "assigned");
  p.to(code, "scheduled");  // the store books the visit the customer asked for
  p.sync();
  const HqAnswer later = p.lookup(code, "5678");
  REQUIRE_MESSAGE(later.status == 200, later.raw);
  CHECK(later.body["state"] == "scheduled");
  CHECK(later.body["scheduled_date"] == day_from_now(2));
  CHECK(later.body["scheduled_window"] == "morning");
  std::vector<std::string> states;
  for (const Json& step : later.body["timeline"]) states.push_back(step["state"]);
  CHECK(states == std::vector<std::string>{"received", "assigned", "scheduled"});
  CHECK(later.body["timeline"][0]["at"].get<EpochMs>() <= later.body["timeline"][2]["at"].get<EpochMs>());
  for (const std::string& personal : {std::string(kPhone), std::string(kName), std::string(kAddress),
                                      std::string("私人备注"), p.technician, std::string("S1")})
    CHECK_MESSAGE(later.raw.find(personal) == std::string::npos, personal << " in " << later.raw);
}

TEST_CASE("a wrong code and wrong digits answer alike; malformed input is refused without counting") {
  Phone p;
  const std::string code = p.request();
  const HqAnswer wrong_digits = p.lookup(code, "1234");
  const HqAnswer wrong_code = p.lookup("R222-222", "5678");
  check_refused(wrong_digits, 404, "lookup-no-match");
  CHECK(wrong_digits.raw == wrong_code.raw);
  CHECK(wrong_digits.status == wrong_code.status);
  CHECK(wrong_digits.header("Content-Security-Policy") == wrong_code.header("Content-Security-Policy"));

  // Format errors, many of them, count for nothing: after them the code still has its free failures.
  for (int i = 0; i < 6; ++i) {
    check_refused(p.lookup("R9", "5678"), 400, "code-format");
    check_refused(p.lookup(code, "56"), 400, "last-four-format");
    check_refused(p.lookup(code, "56a8"), 400, "last-four-format");
  }
  check_refused(p.hq.post("", "/r/lookup", R"({"code": "R222-222"})"), 400, "missing-field");
  check_refused(p.hq.post("", "/r/lookup", "[1, 2]"), 400, "bad-json");
  check_refused(p.hq.post("", "/r/lookup", std::string(9000, ' ')), 413, "too-large");
  check_refused(p.lookup(code, "0000"), 404, "lookup-no-match");  // the second failure of this code
  CHECK(p.lookup(code, "5678").status == 200);                    // not blocked: only two failures counted
  CHECK(p.hq.get("", "/r/lookup").status == 405);
}

TEST_CASE("wrong digits slow the code down; the block holds on a second hq and after a restart") {
  Phone p;
  const std::string code = p.request();
  const std::string other = p.request();
  const LookupPolicy policy;  // 3 free failures per code, then 30 s, doubling
  for (int i = 0; i < policy.free_failures_per_code; ++i) check_refused(p.lookup(code, "0000"), 404, "lookup-no-match");
  const HqAnswer slowed = p.lookup(code, "5678");  // the right digits are not even checked
  check_refused(slowed, 429, "lookup-slowed-down");
  const int wait_s = std::stoi(slowed.header("Retry-After"));
  CHECK(wait_s > 20);
  CHECK(wait_s <= 30);
  CHECK(slowed.header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
  CHECK(p.lookup(other, "5678").status == 200);  // another code from this address is not slowed

  const int second = p.hq.start_another();
  check_refused(p.lookup(code, "5678", second), 429, "lookup-slowed-down");
  p.hq.stop();
  p.hq.start();
  check_refused(p.lookup(code, "5678"), 429, "lookup-slowed-down");
  p.hq.stop();
  p.hq.start(31'000);  // the block is over
  CHECK(p.lookup(code, "5678").status == 200);
  // A match forgets the code's failures: it has its free ones again.
  for (int i = 0; i < policy.free_failures_per_code - 1; ++i)
    check_refused(p.lookup(code, "0000"), 404, "lookup-no-match");
  CHECK(p.lookup(code, "5678").status == 200);
}

TEST_CASE("one address guessing codes pauses a few seconds after each failure past its allowance, never locks") {
  Phone p;
  const std::string code = p.request();
  const LookupPolicy policy;      // 10 free failures per address, then 5 s after each
  std::set<std::string> guesses;  // well-formed codes of no request
  for (int i = 0; guesses.size() < std::size_t(policy.free_failures_per_device); ++i)
    if (std::string guess = "R2" + std::string(1, "ABCDEFGHJKMNPQ"[i]) + "2-222"; guess != code) guesses.insert(guess);
  for (const std::string& guess : guesses) check_refused(p.lookup(guess, "5678"), 404, "lookup-no-match");
  const HqAnswer paused = p.lookup(code, "5678");
  check_refused(paused, 429, "lookup-slowed-down");
  CHECK(std::stoi(paused.header("Retry-After")) <= 5);
  p.hq.stop();
  p.hq.start(6'000);
  CHECK(p.lookup(code, "5678").status == 200);                          // paused, never locked
  check_refused(p.lookup("R333-333", "5678"), 404, "lookup-no-match");  // one more failure: paused again
  check_refused(p.lookup(code, "5678"), 429, "lookup-slowed-down");
  p.hq.stop();
  p.hq.start(12'000);
  CHECK(p.lookup(code, "5678").status == 200);
}

TEST_CASE("a finished job is rated once from the phone: a record of the store, its feed told, its kiosk's parked") {
  Phone p;
  const std::string code = p.request();
  const Json rating{{"score", 5}, {"reasons", {"fast", "solved"}}, {"comment", "修得很快"}};
  check_refused(p.rate(code, "5678", rating), 409, "not-finished");
  p.finish(code);
  const HqAnswer open = p.lookup(code, "5678");
  REQUIRE(open.status == 200);
  CHECK(open.body["state"] == "done");
  CHECK(open.body["rating_open"] == true);

  check_refused(p.rate(code, "0000", rating), 404, "lookup-no-match");  // the same match as the lookup
  check_refused(p.rate(code, "5678", {{"score", 0}}), 400, "bad-score");
  check_refused(p.rate(code, "5678", {{"score", 4}, {"reasons", {"great"}}}), 400, "unknown-reason");
  check_refused(p.rate(code, "5678", {{"score", 4}, {"comment", "好😀"}}), 400, "comment-unsupported-character");
  check_refused(p.rate(code, "5678", {{"score", 4}, {"comment", std::string(201, 'a')}}), 400, "comment-too-long");
  const HqAnswer rated = p.rate(code, "5678", rating);
  REQUIRE_MESSAGE(rated.status == 200, rated.raw);
  CHECK(rated.body == Json{{"rated", true}});
  CHECK(rated.header("Cache-Control") == "no-store");
  check_refused(p.rate(code, "5678", {{"score", 1}}), 409, "already-rated");
  const HqAnswer after = p.lookup(code, "5678");
  CHECK(after.body["rated"] == true);
  CHECK(after.body["rating_open"] == false);

  // A record of the store, as if its device "phone" had uploaded it.
  const std::vector<Json> stored = p.request_ratings();
  REQUIRE(stored.size() == 1);
  CHECK(stored[0]["device"] == "phone");
  CHECK(stored[0]["revision"] == 1);
  const Json& data = stored[0]["data"];
  CHECK(data["request_code"] == code);
  CHECK(data["score"] == 5);
  CHECK(data["reasons"] == Json{"fast", "solved"});
  CHECK(data["comment"] == "修得很快");
  CHECK(data["rated_by"] == "customer-phone");
  CHECK(data["technician"] == p.technician);
  CHECK(data["request"] == p.hq.exported("S1", "requests").at(0)["id"]);

  // The store hears of it through its feed.
  const std::vector<Json> told = p.feed("request_rated");
  REQUIRE(told.size() == 1);
  CHECK(told[0]["key"] == code);
  CHECK(told[0]["data"]["rating"] == stored[0]["id"]);
  CHECK(told[0]["data"]["score"] == 5);
  CHECK(told[0]["data"]["at"] == data["created_at"]);

  // The store's own rating of that job, given before it heard: parked at HQ,
  // never counted twice. (A store that took request_rated from its feed
  // refuses it at once.)
  bool kiosk_rated = false;
  {
    auto store = StoreDb::open(p.store.data);
    REQUIRE(store.ok());
    SystemClock clock;
    const Result<RequestRating> kiosk =
        RequestBook(*store.value(), clock).rate(code, 2, {"too-slow"}, "", RatedBy::CustomerKiosk);
    kiosk_rated = kiosk.ok();
    if (!kiosk_rated) CHECK(kiosk.error().code == "already-rated");
  }
  p.sync();
  CHECK(p.request_ratings().size() == 1);
  int parked = 0;
  for (const Json& line : p.hq.hq({"parked", "--store", "S1"}).lines)
    if (line.value("code", "") == "already-rated" && line["raw"]["data"]["request_code"] == code) ++parked;
  CHECK(parked == (kiosk_rated ? 1 : 0));
  CHECK(p.lookup(code, "5678").body["rated"] == true);
}

TEST_CASE("a job rated at the kiosk first is already rated for the phone") {
  Phone p;
  const std::string code = p.request();
  p.finish(code);
  {
    auto store = StoreDb::open(p.store.data);
    REQUIRE(store.ok());
    SystemClock clock;
    REQUIRE(RequestBook(*store.value(), clock).rate(code, 4, {"friendly"}, "", RatedBy::CustomerKiosk).ok());
  }
  p.sync();
  const HqAnswer found = p.lookup(code, "5678");
  REQUIRE(found.status == 200);
  CHECK(found.body["rated"] == true);
  CHECK(found.body["rating_open"] == false);
  check_refused(p.rate(code, "5678", {{"score", 5}}), 409, "already-rated");
  REQUIRE(p.request_ratings().size() == 1);
  CHECK(p.request_ratings()[0]["data"]["rated_by"] == "customer-kiosk");
  CHECK(p.feed("request_rated").empty());
}

TEST_CASE("the public status: the steps in order, HQ's newer state after them, the store's newer step first") {
  using hq::HqRequestRow;
  using hq::HqRequestStep;
  const HqRequestRow row{"S1",        "R7K2-9QX",   "id",        "installation", "tv", "install-new",
                         "scheduled", "2026-12-07", "afternoon", std::nullopt,   5'000};
  // HQ scheduled the visit after the store's last step: its state ends the timeline.
  RequestStatus s =
      hq::public_request_status(row, {{"received", 1'000}, {"assigned", 2'000}, {"beamed", 3'000}}, false);
  REQUIRE(s.timeline.size() == 3);  // the unknown state left out
  CHECK(s.timeline[2].state == RequestState::Scheduled);
  CHECK(s.timeline[2].at == 5'000);
  CHECK(s.state == RequestState::Scheduled);
  CHECK(s.kind == RequestKind::Installation);
  CHECK(s.scheduled_window == TimeWindow::Afternoon);
  // The step is there already: not twice.
  s = hq::public_request_status(row, {{"received", 1'000}, {"scheduled", 5'000}}, false);
  CHECK(s.timeline.size() == 2);
  // The store's step is newer than the row (its backlog): the step is the state.
  s = hq::public_request_status(row, {{"received", 1'000}, {"on-site", 6'000}}, false);
  CHECK(s.timeline.size() == 2);
  CHECK(s.state == RequestState::OnSite);
  // No steps uploaded yet.
  s = hq::public_request_status(row, {}, false);
  REQUIRE(s.timeline.size() == 1);
  CHECK(s.state == RequestState::Scheduled);

  HqRequestRow done = row;
  done.state = "done";
  Json answer = hq::public_status_json(hq::public_request_status(done, {}, false), {});
  CHECK(answer["rating_open"] == true);
  CHECK(answer["product"] == Json{{"code", "tv"}, {"zh", "tv"}, {"en", "tv"}});  // no catalogue: the code
  answer = hq::public_status_json(hq::public_request_status(done, {}, true), {});
  CHECK(answer["rating_open"] == false);
  CHECK(answer["rated"] == true);
  CHECK(hq::public_status_json(hq::public_request_status(row, {}, false), {})["rating_open"] == false);
}

TEST_CASE("the kiosk's slow-down rule, shared with HQ: a code's wait doubles to a cap, an address only pauses") {
  const LookupPolicy policy;
  CHECK(lookup_blocked_until(policy, LookupScope::Code, 2, 1'000) == 1'000);
  CHECK(lookup_blocked_until(policy, LookupScope::Code, 3, 1'000) == 31'000);
  CHECK(lookup_blocked_until(policy, LookupScope::Code, 4, 1'000) == 61'000);
  CHECK(lookup_blocked_until(policy, LookupScope::Code, 60, 1'000) == 1'000 + policy.max_block_ms);
  CHECK(lookup_blocked_until(policy, LookupScope::Device, 9, 1'000) == 1'000);
  CHECK(lookup_blocked_until(policy, LookupScope::Device, 10, 1'000) == 6'000);
  CHECK(lookup_blocked_until(policy, LookupScope::Device, 500, 1'000) == 6'000);
}

TEST_CASE("the per-minute limit of guesses: 20 from one address, 600 overall") {
  hq::MinuteLimit limit(20, 600);
  for (int i = 0; i < 19; ++i) limit.count("10.0.0.1", 1'000 + i);
  CHECK(limit.wait_s("10.0.0.1", 2'000) == 0);
  limit.count("10.0.0.1", 2'000);
  CHECK(limit.wait_s("10.0.0.1", 2'000) == 59);
  CHECK(limit.wait_s("10.0.0.2", 2'000) == 0);
  CHECK(limit.wait_s("10.0.0.1", 61'000) == 0);
  for (int i = 0; i < 600; ++i) limit.count("10.1." + std::to_string(i), 70'000);
  CHECK(limit.wait_s("10.9.9.9", 70'000) == 60);
}
