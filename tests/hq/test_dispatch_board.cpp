// The dispatch board on a real hq fed by a real store (`kioskctl sync`): the
// dispatcher sees the store's new requests, assigns a technician of that
// store and schedules the visit; the store takes both through its next sync.
// A request that moved meanwhile is refused in words; bad input, other roles
// and a missing CSRF token are refused; urgent and normal requests fall
// overdue after their hours, and the manager's requests report counts them.
#include <doctest/doctest.h>

#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kHour = 3'600'000;

// A store's business day `days` from now (Shanghai).
std::string day_from_now(int days) {
  return StoreTimeZone::load("Asia/Shanghai").value().business_day(SystemClock().now_ms() + days * 24 * kHour);
}

// An hq with store S1 syncing to it, a technician of S1 (made at HQ) and one of
// S2, and the dispatcher logged in.
struct Board {
  ConsoleHq c;
  std::string store;  // S1's data directory
  std::string technician, other_store_technician;
  ConsoleClient dispatcher{0};

  Board() : store(c.hq.dir.file("store")) {
    c.hq.start();
    technician = staff("S1", "Zhou");
    other_store_technician = staff("S2", "Qian");
    const std::string token = c.hq.add_device("S1");
    REQUIRE(kioskctl(store, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(store, {"hq", "set", "--url", c.hq.url(), "--token", token}).exit_code == 0);
    dispatcher = ConsoleClient(c.hq.port);
    REQUIRE(dispatcher.login("dan", kConsolePassword).status == 200);
  }
  std::string staff(const std::string& store_id, const std::string& name) {
    const HqCommand added =
        c.hq.hq({"staff", "add", "--store", store_id, "--name", name, "--pin", "2468", "--role", "technician"});
    REQUIRE(added.exit_code == 0);
    return added.lines.at(0)["staff"];
  }
  // A home visit asked for the day after tomorrow, made `ago_ms` before now.
  std::string request(const std::string& urgency, EpochMs ago_ms = 0) {
    const CtlReply created = kioskctl(store,
                                      {"request", "create", "--product", "phone", "--problem", "no-power", "--name",
                                       "Li", "--phone", "13812345678", "--consent", "--address", "Room 1, No. 8",
                                       "--date", day_from_now(2), "--window", "morning", "--urgency", urgency},
                                      -ago_ms);
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    return created.body["code"];
  }
  void sync() {
    const CtlReply round = kioskctl(store, {"sync"});
    REQUIRE_MESSAGE(round.exit_code == 0, round.body.dump());
  }
  Json on_store(const std::string& code) { return kioskctl(store, {"request", "show", "--code", code}).body; }
  HqAnswer dispatch(const std::string& code, const Json& order) {
    return dispatcher.send("POST", "/api/console/v1/requests/S1/" + code + "/dispatch", order.dump());
  }
};

}  // namespace

TEST_CASE("the dispatcher assigns and schedules a store's request; the store takes both through its sync") {
  Board board;
  board.sync();  // the technician reaches the store
  const std::string code = board.request("normal");
  board.sync();

  const HqAnswer fresh = board.dispatcher.get("/api/console/v1/requests?show=new");
  REQUIRE_MESSAGE(fresh.status == 200, fresh.raw);
  REQUIRE(fresh.body["requests"].size() == 1);
  const Json& row = fresh.body["requests"][0];
  CHECK(row["code"] == code);
  CHECK(row["store"] == "S1");
  CHECK(row["state"] == "received");
  CHECK(row["version"] == 1);
  CHECK(row["address"] == "Room 1, No. 8");
  CHECK(row["phone"] == "138****5678");  // a manager reads the board too
  CHECK(row["preferred_date"] == day_from_now(2));
  CHECK(row["overdue"] == false);
  CHECK(row["due_at"].get<EpochMs>() == row["created_at"].get<EpochMs>() + 72 * kHour);
  CHECK(fresh.body["overdue_hours"] == Json{{"urgent", 24}, {"normal", 72}});

  const HqAnswer technicians = board.dispatcher.get("/api/console/v1/stores/S1/technicians");
  REQUIRE(technicians.status == 200);
  CHECK(technicians.body["technicians"] ==
        Json::array({{{"id", board.technician}, {"name", "Zhou"}, {"open_jobs", 0}}}));

  const std::string visit = day_from_now(3);
  const HqAnswer done = board.dispatch(
      code, {{"version", 1}, {"technician", board.technician}, {"date", visit}, {"window", "afternoon"}});
  REQUIRE_MESSAGE(done.status == 200, done.raw);
  CHECK(done.body["request"]["state"] == "scheduled");
  CHECK(done.body["request"]["version"] == 3);
  CHECK(done.body["request"]["assignee"] == Json{{"id", board.technician}, {"name", "Zhou"}});
  CHECK(done.body["request"]["scheduled_date"] == visit);
  CHECK(done.body["request"]["scheduled_window"] == "afternoon");
  CHECK(board.dispatcher.get("/api/console/v1/requests?show=new").body["requests"].empty());

  board.sync();  // the store takes HQ's two transitions from the feed
  const Json stored = board.on_store(code);
  CHECK(stored["state"] == "scheduled");
  CHECK(stored["version"] == 3);
  CHECK(stored["assignee"] == board.technician);
  CHECK(stored["scheduled_date"] == visit);
  CHECK(stored["scheduled_window"] == "afternoon");
  CHECK(stored["events"].back()["by"] == "hq");

  board.sync();  // the store uploaded it again: the board shows the same
  const Json after = board.dispatcher.get("/api/console/v1/requests?show=open").body["requests"].at(0);
  CHECK(after["assignee"]["name"] == "Zhou");
  CHECK(after["scheduled_date"] == visit);
  CHECK(board.dispatcher.get("/api/console/v1/stores/S1/technicians").body["technicians"][0]["open_jobs"] == 1);

  ConsoleClient admin(board.c.hq.port);
  REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  const Json audit = admin.get("/api/console/v1/audit").body["entries"][1];  // before the admin's login
  CHECK(audit["actor"] == "dan");
  CHECK(audit["action"] == "request-dispatch");
  CHECK(audit["target"] == "S1/" + code);
  CHECK(audit["detail"]["technician"] == board.technician);
}

TEST_CASE("a dispatch on a request that moved meanwhile is refused in words; bad input and other roles too") {
  Board board;
  board.sync();
  const std::string code = board.request("normal");
  board.sync();
  const std::string visit = day_from_now(3);
  const Json order{{"version", 1}, {"technician", board.technician}, {"date", visit}, {"window", "morning"}};

  // The store assigned it and its technician went on site meanwhile.
  REQUIRE(kioskctl(board.store, {"request", "transition", "--code", code, "--to", "assigned", "--assignee", "Zhou"})
              .exit_code == 0);
  REQUIRE(kioskctl(board.store, {"request", "transition", "--code", code, "--to", "on-site"}).exit_code == 0);
  board.sync();
  const HqAnswer moved = board.dispatch(code, order);
  CHECK(moved.status == 409);
  CHECK(moved.body["error"]["code"] == "version-conflict");
  CHECK_MESSAGE(
      moved.body["error"]["message"].get<std::string>().find("is at version 3 (on-site), not 1") != std::string::npos,
      moved.raw);
  CHECK(board.on_store(code)["state"] == "on-site");

  const auto refused = [&](Json changed, int status, const std::string& error) {
    const HqAnswer answer = board.dispatch(code, changed);
    const std::string what = changed.dump() + " " + answer.raw;
    CHECK_MESSAGE(answer.status == status, what);
    CHECK_MESSAGE(answer.body["error"]["code"] == error, what);
    CHECK_MESSAGE(!answer.body["error"]["message"].get<std::string>().empty(), answer.raw);
  };
  Json bad = order;
  bad["window"] = "night";
  refused(bad, 400, "bad-field");
  bad = order;
  bad["date"] = "2020-01-01";
  refused(bad, 400, "scheduled-date-past");
  bad = order;
  bad["technician"] = board.other_store_technician;
  refused(bad, 400, "unknown-technician");
  bad = order;
  bad.erase("version");
  refused(bad, 400, "missing-field");
  const HqAnswer unknown = board.dispatcher.send("POST", "/api/console/v1/requests/S1/RAAA-AAA/dispatch", order.dump());
  CHECK(unknown.status == 404);
  CHECK(unknown.body["error"]["code"] == "unknown-request");
  CHECK(board.dispatcher.get("/api/console/v1/requests?show=later").status == 400);
  CHECK(board.dispatcher.get("/api/console/v1/requests?limit=many").status == 400);
  CHECK(board.dispatcher.get("/api/console/v1/stores/S9/technicians").status == 404);
  CHECK(
      board.dispatcher
          .send("POST", "/api/console/v1/requests/S1/" + code + "/dispatch", order.dump(), {{"X-CSRF-Token", "wrong"}})
          .status == 403);

  ConsoleClient manager(board.c.hq.port);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  CHECK(manager.get("/api/console/v1/requests").status == 200);  // the manager sees the board
  CHECK(manager.send("POST", "/api/console/v1/requests/S1/" + code + "/dispatch", order.dump()).status == 403);
  CHECK(manager.get("/api/console/v1/stores/S1/technicians").status == 403);
}

TEST_CASE("an urgent request falls overdue after 24 hours, a normal one after 72") {
  Board board;
  const std::string urgent = board.request("urgent", 25 * kHour);
  board.request("normal", 25 * kHour);
  const std::string old_normal = board.request("normal", 80 * kHour);
  board.request("urgent");
  board.sync();
  CHECK(board.dispatcher.get("/api/console/v1/requests?show=open").body["requests"].size() == 4);
  const Json overdue = board.dispatcher.get("/api/console/v1/requests?show=overdue").body["requests"];
  REQUIRE(overdue.size() == 2);
  CHECK(overdue[0]["code"] == old_normal);  // due first
  CHECK(overdue[1]["code"] == urgent);
  CHECK(overdue[0]["overdue"] == true);
  CHECK(board.dispatcher.get("/api/console/v1/requests?show=overdue&store=S2").body["requests"].empty());

  // The manager's requests report counts the same.
  ConsoleClient manager(board.c.hq.port);
  REQUIRE(manager.login("mia", kConsolePassword).status == 200);
  const HqAnswer report = manager.get("/api/console/v1/reports/requests");
  REQUIRE_MESSAGE(report.status == 200, report.raw);
  CHECK(report.body["total"]["open"] == 4);
  CHECK(report.body["total"]["overdue"] == 2);
  CHECK(report.body["states"] == Json{{"received", 4}});
  CHECK(report.body["ages"] == Json::parse(R"([{"age": "under-1d", "open": 1}, {"age": "1-3d", "open": 2},
                                              {"age": "3-7d", "open": 1}, {"age": "over-7d", "open": 0}])"));
  CHECK(report.body["stores"].size() == 1);
  CHECK(report.body["stores"][0]["overdue"] == 2);
  CHECK(manager.get("/api/console/v1/reports/requests?store=S2").body["total"]["open"] == 0);
  CHECK(manager.get("/api/console/v1/reports/requests?store=S9").status == 404);
  CHECK(board.dispatcher.get("/api/console/v1/reports/requests").status == 403);
}

TEST_CASE("a schema-4 database is migrated with its requests on the board, HQ's later decisions included") {
  Board board;
  board.sync();
  const std::string synced = board.request("normal");
  const std::string decided = board.request("urgent");
  board.sync();
  const std::string visit = day_from_now(3);
  REQUIRE(
      board.dispatch(synced, {{"version", 1}, {"technician", board.technician}, {"date", visit}, {"window", "evening"}})
          .status == 200);
  board.sync();  // the store has the first dispatch and uploaded it
  REQUIRE(
      board
          .dispatch(decided, {{"version", 1}, {"technician", board.technician}, {"date", visit}, {"window", "morning"}})
          .status == 200);
  const Json before = board.dispatcher.get("/api/console/v1/requests?show=open").body["requests"];

  board.c.hq.stop();
  board.c.hq.migrate_again_from(4);
  board.c.hq.start();
  REQUIRE(board.dispatcher.login("dan", kConsolePassword).status == 200);
  const Json after = board.dispatcher.get("/api/console/v1/requests?show=open").body["requests"];
  REQUIRE(after.size() == 2);
  CHECK(after == before);
}
