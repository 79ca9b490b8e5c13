// Follow-up calls and complaints (docs/follow-up.md) on a real hq fed by a
// real store (`kioskctl sync`) and by records uploaded as a store's device
// sends them: a task made when a request is done (a Saturday's due on
// Monday, Sunday off), whichever of the store's upload or HQ's command comes
// first, once per time done, cancelled when the request moves on; a call not
// reached tried again, reached and solved done, not solved reopening the
// request at HQ (new on the dispatch board, reopened at the store after its
// sync), a request that moved refused in words with nothing recorded; roles
// (only dispatchers and admins see phones), bad input, settings; the
// complaints' clock; and every figure of the report against the test's own
// count over a generated set of requests, calls and complaints.
#include <doctest/doctest.h>

#include <chrono>
#include <map>

#include "core/store_time_zone.h"
#include "hq/hq_fixture.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr EpochMs kHour = 3'600'000, kDay = 24 * kHour;
constexpr const char* kList = "/api/console/v1/followups";
constexpr const char* kReport = "/api/console/v1/reports/followups";

const StoreTimeZone& shanghai() {
  static const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  return zone;
}
std::string day_of(EpochMs t) { return shanghai().business_day(t); }
std::string today() { return day_of(SystemClock().now_ms()); }

// A phone's digits anywhere in an answer.
bool holds_phone(const std::string& raw) { return raw.find("13812345678") != std::string::npos; }

// An hq with store S1 syncing to it (technician Zhou), S2's device token for
// uploads, and a dispatcher, a manager and an admin logged in.
struct Followups {
  ConsoleHq c;
  std::string store;  // S1's data directory
  std::string technician;
  ConsoleClient dispatcher{0}, manager{0}, admin{0};
  std::map<std::string, std::pair<std::string, std::int64_t>> devices;  // store -> token, seqs sent
  const std::string incarnation = "6f1c0d8e-3b7a-4c52-9d0e-2f4b8a1c7e90";

  Followups() : store(c.hq.dir.file("store")) {
    c.hq.start();
    const HqCommand added =
        c.hq.hq({"staff", "add", "--store", "S1", "--name", "Zhou", "--pin", "2468", "--role", "technician"});
    REQUIRE(added.exit_code == 0);
    technician = added.lines.at(0)["staff"];
    REQUIRE(kioskctl(store, {"init", "--store", "S1"}).exit_code == 0);
    REQUIRE(kioskctl(store, {"hq", "set", "--url", c.hq.url(), "--token", c.hq.add_device("S1")}).exit_code == 0);
    sync();  // Zhou reaches the store
    dispatcher = ConsoleClient(c.hq.port);
    manager = ConsoleClient(c.hq.port);
    admin = ConsoleClient(c.hq.port);
    REQUIRE(dispatcher.login("dan", kConsolePassword).status == 200);
    REQUIRE(manager.login("mia", kConsolePassword).status == 200);
    REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  }
  void sync() {
    const CtlReply round = kioskctl(store, {"sync"});
    REQUIRE_MESSAGE(round.exit_code == 0, round.body.dump());
  }
  // A drop-off repair made and taken through `steps` at the store, its clock `shift` away.
  std::string request(const std::vector<std::string>& steps, EpochMs shift = 0) {
    const CtlReply created = kioskctl(store,
                                      {"request", "create", "--product", "phone", "--problem", "no-power", "--name",
                                       "Li", "--phone", "13812345678", "--consent", "--drop-off"},
                                      shift);
    REQUIRE_MESSAGE(created.exit_code == 0, created.body.dump());
    const std::string code = created.body["code"];
    move(code, steps, shift);
    return code;
  }
  void move(const std::string& code, const std::vector<std::string>& steps, EpochMs shift = 0) {
    for (const std::string& to : steps) {
      std::vector<std::string> args{"request", "transition", "--code", code, "--to", to};
      if (to == "assigned") args.insert(args.end(), {"--assignee", "Zhou"});
      const CtlReply moved = kioskctl(store, args, shift);
      REQUIRE_MESSAGE(moved.exit_code == 0, (to + " " + moved.body.dump()));
    }
  }
  Json on_store(const std::string& code) { return kioskctl(store, {"request", "show", "--code", code}).body; }
  Json list(const std::string& show = "due") {
    const HqAnswer answer = dispatcher.get(std::string(kList) + "?show=" + show);
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    return answer.body["followups"];
  }
  // The tasks of request `code`, oldest first.
  std::vector<Json> tasks_of(const std::string& code) {
    std::vector<Json> found;
    for (const Json& task : list("all"))
      if (task["subject"] == code) found.insert(found.begin(), task);
    return found;
  }
  HqAnswer call(const std::string& id, const Json& body) {
    return dispatcher.send("POST", std::string(kList) + "/" + id + "/calls", body.dump());
  }
  std::string count_calls(const std::string& id) {
    return c.hq.sql("SELECT count(*) FROM followup_call WHERE followup_id = '" + id + "'");
  }
  // Records sent by a device of `store` (S2 unless said), as a store sends them.
  void upload(const std::vector<Json>& records, const std::string& store_id = "S2") {
    auto& [token, sent] = devices[store_id];
    if (token.empty()) token = c.hq.add_device(store_id);
    std::vector<Json> numbered;
    for (Json record : records) {
      record["seq"] = ++sent;
      record["store"] = store_id;
      numbered.push_back(record);
    }
    const HqAnswer answer =
        c.hq.upload(token, upload_body(incarnation, incarnation + ":" + std::to_string(sent), numbered));
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    REQUIRE_MESSAGE(answer.body["parked"].empty(), answer.raw);
  }
};

std::string uuid_of(int n) {
  char text[40];
  std::snprintf(text, sizeof text, "00000000-0000-4000-8000-%012d", n);
  return text;
}

// A complaint (or other) ticket of S2 as its device uploads it.
Json ticket(int n, const std::string& label, EpochMs issued_at, const std::string& state,
            const std::optional<std::string>& outcome, std::optional<EpochMs> finished_at) {
  Json data{{"ticket", label},
            {"business_day", day_of(issued_at)},
            {"service", label.substr(0, 1)},
            {"state", state},
            {"issued_at", issued_at},
            {"outcome", outcome ? Json(*outcome) : Json()},
            {"called_at", finished_at ? Json(*finished_at - 5 * 60'000) : Json()},
            {"started_at", finished_at ? Json(*finished_at - 4 * 60'000) : Json()},
            {"finished_at", finished_at ? Json(*finished_at) : Json()},
            {"counter", 1}};
  return Json{{"kind", "ticket"}, {"id", uuid_of(n)}, {"revision", 1}, {"store", "S2"}, {"data", data}};
}

// A request of S2 done at `done_at` (version 4: received, assigned, on-site,
// done), made at `created_at`, as its device uploads it.
Json done_request(int n, const std::string& code, EpochMs created_at, EpochMs done_at,
                  const std::optional<std::string>& assignee) {
  Json data{{"id", uuid_of(n)},       {"code", code},        {"kind", "repair"},      {"state", "done"},
            {"version", 4},           {"product", "phone"},  {"problem", "no-power"}, {"contact_name", "Wang"},
            {"phone", "13912345678"}, {"on_site", false},    {"urgency", "normal"},   {"created_at", created_at},
            {"updated_at", done_at},  {"closed_at", nullptr}};
  data["assignee"] = assignee ? Json(*assignee) : Json();
  return Json{{"kind", "request"}, {"id", uuid_of(n)}, {"revision", 4}, {"store", "S2"}, {"data", data}};
}

Json request_step(int n, int request_n, const std::string& event, EpochMs at) {
  return Json{{"kind", "request_event"},
              {"id", uuid_of(n)},
              {"revision", 1},
              {"store", "S2"},
              {"data", {{"request", uuid_of(request_n)}, {"event", event}, {"at", at}}}};
}

}  // namespace

TEST_CASE("a request done at the store is followed up: tries, solved, and not solved reopening it at HQ") {
  Followups f;
  // Done on Saturday (the test's day is Monday 2026-11-23): due Monday, Sunday being off.
  const std::string saturday = f.request({"assigned", "on-site", "done"}, -2 * kDay);
  const std::string monday = f.request({"assigned", "on-site", "done"});
  f.sync();
  REQUIRE(day_of(SystemClock().now_ms() - 2 * kDay) == "2026-11-21");

  const Json due = f.list();
  REQUIRE_MESSAGE(due.size() == 1, due.dump());  // Monday's is due tomorrow
  const Json task = due[0];
  CHECK(task["code"] == saturday);
  CHECK(task["due_day"] == "2026-11-23");
  CHECK(task["state"] == "due");
  CHECK(task["call_now"] == true);
  CHECK(task["phone"] == "13812345678");
  CHECK(task["contact_name"] == "Li");
  CHECK(task["technician"]["name"] == "Zhou");
  CHECK(task["product"] == "phone");
  const std::vector<Json> monday_tasks = f.tasks_of(monday);
  REQUIRE(monday_tasks.size() == 1);
  CHECK(monday_tasks[0]["due_day"] == "2026-11-24");

  // Not reached: one try more, the next in two hours.
  const EpochMs before = SystemClock().now_ms();
  const HqAnswer missed = f.call(task["id"], {{"reached", false}, {"note", "no answer"}});
  REQUIRE_MESSAGE(missed.status == 200, missed.raw);
  const EpochMs after = SystemClock().now_ms();
  CHECK(missed.body["followup"]["tries"] == 1);
  CHECK(missed.body["followup"]["state"] == "due");
  const EpochMs next_try = missed.body["followup"]["next_try_at"];
  CHECK(next_try >= before + 2 * kHour);
  CHECK(next_try <= after + 2 * kHour);
  CHECK(f.list()[0]["call_now"] == false);  // waiting for its next try

  // Reached, not solved: the request reopened at HQ, new on the board, reopened at the store.
  const std::int64_t done_version = f.on_store(saturday)["version"];
  const HqAnswer unsolved =
      f.call(task["id"], {{"reached", true}, {"solved", false}, {"score", 2}, {"note", "还是开不了机"}});
  REQUIRE_MESSAGE(unsolved.status == 200, unsolved.raw);
  CHECK(unsolved.body["followup"]["state"] == "done");
  CHECK(unsolved.body["followup"]["outcome"] == "not-solved");
  CHECK(unsolved.body["followup"]["tries"] == 2);
  CHECK(unsolved.body["request"]["state"] == "reopened");
  CHECK(unsolved.body["request"]["version"] == done_version + 1);
  CHECK(f.count_calls(task["id"]) == "2");
  const HqAnswer board = f.dispatcher.get("/api/console/v1/requests?show=new");
  REQUIRE(board.status == 200);
  bool on_board = false;
  for (const Json& row : board.body["requests"]) on_board |= row["code"] == saturday && row["state"] == "reopened";
  CHECK_MESSAGE(on_board, board.raw);
  f.sync();
  CHECK(f.on_store(saturday)["state"] == "reopened");
  CHECK(f.on_store(saturday)["version"] == done_version + 1);
  CHECK(f.call(task["id"], {{"reached", false}}).error_code() == "followup-closed");

  // Done again: a second task; the first stays as recorded.
  f.move(saturday, {"assigned", "on-site", "done"});
  f.sync();
  const std::vector<Json> saturday_tasks = f.tasks_of(saturday);
  REQUIRE(saturday_tasks.size() == 2);
  CHECK(saturday_tasks[0]["outcome"] == "not-solved");
  CHECK(saturday_tasks[1]["state"] == "due");
  CHECK(saturday_tasks[1]["due_day"] == "2026-11-24");

  // Reached and solved: done.
  const HqAnswer solved = f.call(monday_tasks[0]["id"], {{"reached", true}, {"solved", true}, {"score", 5}});
  REQUIRE_MESSAGE(solved.status == 200, solved.raw);
  CHECK(solved.body["followup"]["outcome"] == "solved");
  CHECK(solved.body["followup"]["score"] == 5);
  CHECK_FALSE(solved.body.contains("request"));
  CHECK(f.on_store(monday)["state"] == "done");

  // Three calls unanswered: unreachable.
  const std::string unreachable = f.request({"assigned", "on-site", "done"});
  f.sync();
  const std::string unreachable_id = f.tasks_of(unreachable).at(0)["id"];
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const HqAnswer answer = f.call(unreachable_id, {{"reached", false}});
    REQUIRE_MESSAGE(answer.status == 200, answer.raw);
    CHECK(answer.body["followup"]["state"] == (attempt < 3 ? "due" : "done"));
  }
  CHECK(f.tasks_of(unreachable).at(0)["outcome"] == "unreachable");
}

TEST_CASE("a request that moved is refused in HQ's words; one reopened or cancelled at the store cancels its task") {
  Followups f;
  const std::string closed = f.request({"assigned", "on-site", "done"});
  const std::string reopened = f.request({"assigned", "on-site", "done"});
  f.sync();
  const std::string closed_id = f.tasks_of(closed).at(0)["id"];
  const std::string reopened_id = f.tasks_of(reopened).at(0)["id"];

  // Closed at HQ since the task was made: the call that would reopen it is refused, nothing recorded.
  const std::int64_t version = f.on_store(closed)["version"];
  REQUIRE(f.c.hq
              .hq({"request", "transition", "--store", "S1", "--request", closed, "--to", "closed", "--version",
                   std::to_string(version)})
              .exit_code == 0);
  const HqAnswer moved = f.call(closed_id, {{"reached", true}, {"solved", false}, {"note", "still broken"}});
  CHECK(moved.status == 409);
  CHECK(moved.error_code() == "version-conflict");
  CHECK_MESSAGE(moved.body["error"]["message"].get<std::string>().find("closed") != std::string::npos, moved.raw);
  CHECK(f.count_calls(closed_id) == "0");
  CHECK(f.tasks_of(closed).at(0)["state"] == "due");
  CHECK(f.tasks_of(closed).at(0)["tries"] == 0);
  // Solved still records (closing it was right).
  CHECK(f.call(closed_id, {{"reached", true}, {"solved", true}}).status == 200);

  // Reopened at the store before the call: cancelled, nothing to confirm.
  f.move(reopened, {"reopened"});
  f.sync();
  CHECK(f.tasks_of(reopened).at(0)["state"] == "cancelled");
  const HqAnswer late = f.call(reopened_id, {{"reached", true}, {"solved", true}});
  CHECK(late.status == 409);
  CHECK(late.error_code() == "followup-closed");
  CHECK(f.count_calls(reopened_id) == "0");
}

TEST_CASE("HQ's own command to done makes the task before the store uploads it; the upload makes none more") {
  Followups f;
  const std::string code = f.request({"assigned", "on-site"});
  f.sync();
  const std::int64_t version = f.on_store(code)["version"];
  REQUIRE(f.c.hq
              .hq({"request", "transition", "--store", "S1", "--request", code, "--to", "done", "--version",
                   std::to_string(version)})
              .exit_code == 0);
  REQUIRE(f.tasks_of(code).size() == 1);
  CHECK(f.tasks_of(code)[0]["request_version"] == version + 1);
  f.sync();  // the store takes the decision and uploads its step
  f.sync();
  CHECK(f.on_store(code)["state"] == "done");
  CHECK(f.tasks_of(code).size() == 1);
}

TEST_CASE("roles, bad input and the settings of follow-up calls") {
  Followups f;
  const std::string code = f.request({"assigned", "on-site", "done"}, -kDay);  // Sunday: due Monday
  f.sync();
  const std::string id = f.list().at(0)["id"];

  // Phones in full only to dispatchers and admins.
  CHECK(f.manager.get(kList).status == 403);
  CHECK(f.manager.send("POST", std::string(kList) + "/" + id + "/calls", R"({"reached":false})").status == 403);
  const HqAnswer admin_list = f.admin.get(kList);
  REQUIRE(admin_list.status == 200);
  CHECK(holds_phone(admin_list.raw));
  const HqAnswer report = f.manager.get(std::string(kReport) + "?from=" + today() + "&to=" + today());
  REQUIRE_MESSAGE(report.status == 200, report.raw);
  CHECK_FALSE(holds_phone(report.raw));
  const HqAnswer complaints = f.manager.get("/api/console/v1/complaints");
  REQUIRE(complaints.status == 200);
  CHECK_FALSE(holds_phone(complaints.raw));
  CHECK(f.dispatcher.get(std::string(kReport) + "?from=" + today() + "&to=" + today()).status == 403);
  CHECK(f.admin.get("/api/console/v1/complaints").status == 403);
  CHECK(f.dispatcher.get(std::string(kList) + "?store=S9").status == 404);
  CHECK(f.dispatcher.get(std::string(kList) + "?show=later").status == 400);

  // A change without the CSRF token, and bad calls: refused, nothing recorded.
  CHECK(f.dispatcher
            .send("POST", std::string(kList) + "/" + id + "/calls", R"({"reached":false})", {{"X-CSRF-Token", "x"}})
            .status == 403);
  const std::pair<Json, std::string> bad[] = {
      {Json::object(), "missing-field"},
      {{{"reached", "yes"}}, "bad-field"},
      {{{"reached", true}}, "missing-field"},
      {{{"reached", false}, {"solved", true}}, "bad-field"},
      {{{"reached", true}, {"solved", true}, {"score", 6}}, "bad-field"},
      {{{"reached", true}, {"solved", true}, {"note", std::string(501, 'x')}}, "note-too-long"},
      {{{"reached", true}, {"solved", true}, {"note", "好的\U0001F600"}}, "note-unsupported-character"},
      {{{"reached", true}, {"solved", true}, {"note", "a\x01"}}, "note-control-character"}};
  for (const auto& [body, code_expected] : bad) {
    const HqAnswer answer = f.call(id, body);
    CHECK_MESSAGE(answer.status == 400, (body.dump() + " " + answer.raw));
    CHECK_MESSAGE(answer.error_code() == code_expected, (body.dump() + " " + answer.raw));
  }
  CHECK(f.call("request:S1:R222-2222:9", {{"reached", false}}).status == 404);
  CHECK(f.count_calls(id) == "0");
  // A note of 500 characters is taken.
  CHECK(f.call(id, {{"reached", true}, {"solved", true}, {"note", std::string(500, 'x')}}).status == 200);

  // The settings: the admin's, checked, audited; a new due rule for the next task.
  const std::string path = "/api/console/v1/settings/followups";
  const HqAnswer defaults = f.admin.get(path);
  REQUIRE(defaults.status == 200);
  CHECK(defaults.body["followup_working_days"] == Json{1, 2, 3, 4, 5, 6});
  CHECK(defaults.body["followup_due_days"] == 1);
  CHECK(defaults.body["complaint_services"] == Json{"B"});
  CHECK(f.dispatcher.get(path).status == 403);
  const Json refusals[] = {
      {{"followup_working_days", Json::array()}, {"followup_due_days", 1}, {"complaint_services", {"B"}}},
      {{"followup_working_days", {7}}, {"followup_due_days", 1}, {"complaint_services", {"B"}}},
      {{"followup_working_days", {1, 1}}, {"followup_due_days", 1}, {"complaint_services", {"B"}}},
      {{"followup_working_days", {1}}, {"followup_due_days", 0}, {"complaint_services", {"B"}}},
      {{"followup_working_days", {1}}, {"followup_due_days", 11}, {"complaint_services", {"B"}}},
      {{"followup_working_days", {1}}, {"followup_due_days", 1}, {"complaint_services", {"b"}}},
      {{"followup_working_days", {1}}, {"followup_due_days", 1}}};
  for (const Json& body : refusals) {
    const HqAnswer answer = f.admin.send("PUT", path, body.dump());
    CHECK_MESSAGE(answer.status == 400, (body.dump() + " " + answer.raw));
    CHECK_MESSAGE(answer.error_code() == "bad-setting", answer.raw);
  }
  CHECK(f.admin.get(path).body == defaults.body);
  // Monday to Friday, two working days: a request done on Monday is due Wednesday.
  const Json weekdays{
      {"followup_working_days", {1, 2, 3, 4, 5}}, {"followup_due_days", 2}, {"complaint_services", {"B", "C"}}};
  const HqAnswer saved = f.admin.send("PUT", path, weekdays.dump());
  REQUIRE_MESSAGE(saved.status == 200, saved.raw);
  CHECK(saved.body == weekdays);
  CHECK(f.admin.get("/api/console/v1/audit").raw.find("followups") != std::string::npos);
  const std::string later = f.request({"assigned", "on-site", "done"});
  f.sync();
  CHECK(f.tasks_of(later).at(0)["due_day"] == "2026-11-25");

  // The command line: the list and a call.
  const HqCommand listed = f.c.hq.hq({"followup", "list", "--all"});
  CHECK(listed.exit_code == 0);
  CHECK(listed.lines.size() == 2);
  const HqCommand recorded = f.c.hq.hq({"followup", "record", "--id", f.tasks_of(later).at(0)["id"], "--reached", "yes",
                                        "--solved", "yes", "--score", "4"});
  CHECK(recorded.exit_code == 0);
  CHECK(recorded.lines.at(0)["followup"]["outcome"] == "solved");
  CHECK(recorded.lines.at(0)["followup"]["recorded_by"] == "cli");
  CHECK(f.c.hq.hq({"followup", "record", "--id", "nope", "--reached", "maybe"}).exit_code == 2);
  CHECK(f.c.hq.hq({"report", "followups", "--from", today(), "--to", today()}).exit_code == 0);
  (void)code;
}

TEST_CASE("complaints: their clock, a follow-up due the same day, a request made from a complaint ticket") {
  Followups f;
  const EpochMs now = SystemClock().now_ms();
  f.upload({ticket(1, "B001", now - 20 * kHour, "done", "follow-up", now - 19 * kHour),
            ticket(2, "B002", now - 30 * kHour, "waiting", std::nullopt, std::nullopt),
            ticket(3, "B003", now - 80 * kHour, "done", "resolved", now - 79 * kHour),
            ticket(4, "B004", now - 2 * kHour, "waiting", std::nullopt, std::nullopt),
            ticket(5, "B005", now - 100 * kHour, "done", "follow-up", now - 99 * kHour),
            ticket(6, "A001", now - 30 * kHour, "waiting", std::nullopt, std::nullopt),
            ticket(7, "B007", now - 10 * kHour, "no-show", std::nullopt, now - 9 * kHour)});
  // A complaint at the counter turned into a request (the ticket finished as
  // `request` when the request was made), done an hour later.
  const EpochMs made = now - 5 * kHour;
  f.upload({done_request(20, "R8K2-9QX", made, made + kHour, std::nullopt),
            ticket(8, "B008", made - 10 * 60'000, "done", "request", made),
            request_step(21, 20, "done", made + kHour)});

  const HqAnswer open = f.dispatcher.get("/api/console/v1/complaints");
  REQUIRE_MESSAGE(open.status == 200, open.raw);
  std::map<std::string, Json> by_ticket;
  for (const Json& row : open.body["complaints"]) by_ticket[row["ticket"]] = row;
  CHECK(by_ticket.size() == 5);  // B003 resolved; A001 no complaint; B007 a no-show
  CHECK(by_ticket["B001"]["clock"] == "at-risk");
  CHECK(by_ticket["B002"]["clock"] == "late-24h");
  CHECK(by_ticket["B004"]["clock"] == "on-time");
  CHECK(by_ticket["B005"]["clock"] == "late-72h");
  CHECK(by_ticket["B008"]["request"] == "R8K2-9QX");
  CHECK(by_ticket["B008"]["clock"] == "on-time");
  CHECK(by_ticket["B001"]["followup"] == "ticket:" + uuid_of(1));

  // Their tasks: due the day the counter finished them; the request's too.
  std::map<std::string, Json> tasks;
  for (const Json& task : f.list("all")) tasks[task["code"]] = task;
  REQUIRE(tasks.count("B001"));
  CHECK(tasks["B001"]["complaint"] == true);
  CHECK(tasks["B001"]["due_day"] == day_of(now - 19 * kHour));
  CHECK(tasks["B001"]["phone"].is_null());  // a ticket's phone travels masked
  CHECK(tasks["R8K2-9QX"]["complaint"] == true);
  CHECK(tasks["R8K2-9QX"]["due_day"] == day_of(made + kHour));
  CHECK(tasks["R8K2-9QX"]["phone"] == "13912345678");

  // Solved by their calls: off the list, counted by how long they took.
  REQUIRE(f.call(tasks["B001"]["id"], {{"reached", true}, {"solved", true}, {"score", 4}}).status == 200);
  REQUIRE(f.call(tasks["B005"]["id"], {{"reached", true}, {"solved", true}}).status == 200);
  REQUIRE(f.call(tasks["R8K2-9QX"]["id"], {{"reached", true}, {"solved", true}}).status == 200);
  const HqAnswer after = f.manager.get("/api/console/v1/complaints?store=S2");
  REQUIRE(after.status == 200);
  CHECK(after.body["complaints"].size() == 2);  // B002, B004
  const HqAnswer report =
      f.manager.get(std::string(kReport) + "?from=" + day_of(now - 5 * kDay) + "&to=" + today() + "&store=S2");
  REQUIRE_MESSAGE(report.status == 200, report.raw);
  const Json& complaints = report.body["total"]["complaints"];
  CHECK(complaints["opened"] == 6);  // B001-B005 and B008 (B007 a no-show)
  CHECK(complaints["still_open"] == 2);
  CHECK(complaints["solved_within_24h"] == 3);  // B001 (20 h), B003 (1 h), B008
  CHECK(complaints["solved_within_72h"] == 3);  // B005 took 100 h
}

namespace {

// The test's own calendar: Shanghai is UTC+8 all year; the follow-up is due
// the day after the one it was done, Monday when that is a Sunday.
std::chrono::sys_days own_day(EpochMs t) {
  using namespace std::chrono;
  return floor<days>(sys_time<milliseconds>(milliseconds(t + 8 * kHour)));
}
std::string own_text(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return text;
}
std::string own_due_day(EpochMs done_at) {
  std::chrono::sys_days due = own_day(done_at) + std::chrono::days(1);
  if (std::chrono::weekday(due) == std::chrono::Sunday) due += std::chrono::days(1);
  return own_text(due);
}

struct OwnTally {
  int due = 0, done = 0, done_on_time = 0, reached = 0, not_solved = 0, requests = 0, solved_first_visit = 0;
  int opened = 0, within_24h = 0, within_72h = 0, still_open = 0;
};

void check_figures(const Json& row, const OwnTally& want, const std::string& what) {
  INFO(what << ": " << row.dump());
  CHECK(row["due"] == want.due);
  CHECK(row["done"] == want.done);
  CHECK(row["done_on_time"] == want.done_on_time);
  CHECK(row["reached"] == want.reached);
  CHECK(row["not_solved"] == want.not_solved);
  CHECK(row["requests"] == want.requests);
  CHECK(row["solved_first_visit"] == want.solved_first_visit);
  const auto share = [](int part, int whole) { return whole ? Json(double(part) / whole) : Json(); };
  for (const auto& [key, value] : {std::pair<const char*, Json>{"followup_rate", share(want.done_on_time, want.due)},
                                   {"reached_rate", share(want.reached, want.done)},
                                   {"solved_first_visit_share", share(want.solved_first_visit, want.requests)},
                                   {"reopened_rate", share(want.not_solved, want.reached)}}) {
    if (value.is_null())
      CHECK_MESSAGE(row[key].is_null(), key);
    else
      CHECK_MESSAGE(row[key].get<double>() == doctest::Approx(value.get<double>()), key);
  }
}

void check_complaints(const Json& row, const OwnTally& want, const std::string& what) {
  INFO(what << ": " << row.dump());
  CHECK(row["opened"] == want.opened);
  CHECK(row["solved_within_24h"] == want.within_24h);
  CHECK(row["solved_within_72h"] == want.within_72h);
  CHECK(row["still_open"] == want.still_open);
}

}  // namespace

TEST_CASE("every figure of the follow-up report equals the test's own count over a generated set") {
  Followups f;
  REQUIRE(f.c.hq.hq({"store", "add", "--id", "S3", "--name", "Store three"}).exit_code == 0);
  std::map<std::string, std::vector<std::string>> technicians;
  for (const char* store_id : {"S2", "S3"})
    for (const char* name : {"Qian", "Sun"}) {
      const HqCommand added =
          f.c.hq.hq({"staff", "add", "--store", store_id, "--name", name, "--pin", "2468", "--role", "technician"});
      REQUIRE(added.exit_code == 0);
      technicians[store_id].push_back(added.lines.at(0)["staff"]);
    }
  const EpochMs now = SystemClock().now_ms();

  // 36 requests done 0-8 days ago, some after a wait for parts; a plan of calls each.
  struct Planned {
    std::string store, code, technician, due_day;
    bool parts = false;
    int plan = 0;
  };
  std::vector<Planned> planned;
  std::map<std::string, std::vector<Json>> records;
  for (int i = 0; i < 36; ++i) {
    Planned p{i % 2 ? "S3" : "S2", "RQ-" + std::to_string(100 + i), "", "", i % 5 == 0, i % 6};
    p.technician = technicians[p.store][std::size_t(i / 2 % 2)];
    const EpochMs done_at = now - kHour - (i % 9) * kDay;
    p.due_day = own_due_day(done_at);
    const int n = 1000 + 10 * i;
    records[p.store].push_back(done_request(n, p.code, done_at - 5 * kHour, done_at, p.technician));
    if (p.parts) records[p.store].push_back(request_step(n + 1, n, "waiting-for-parts", done_at - 3 * kHour));
    records[p.store].push_back(request_step(n + 2, n, "done", done_at));
    planned.push_back(p);
  }
  // 12 complaints: resolved at the counter, left to a call solved now, left to a call not made, still waiting.
  struct Complaint {
    std::string store, label;
    EpochMs issued_at = 0;
    int plan = 0;
  };
  std::vector<Complaint> complaints;
  const int hours_ago[] = {3, 12, 20, 28, 47, 60, 75, 90, 130, 150, 6, 40};
  for (int j = 0; j < 12; ++j) {
    Complaint c{j % 2 ? "S3" : "S2", "B" + std::to_string(101 + j), now - hours_ago[j] * kHour, j % 4};
    const EpochMs finished = c.issued_at + 10 * 60'000;
    const std::optional<std::string> outcome = c.plan == 0 ? "resolved" : "follow-up";
    records[c.store].push_back(c.plan == 3
                                   ? ticket(5000 + j, c.label, c.issued_at, "waiting", std::nullopt, std::nullopt)
                                   : ticket(5000 + j, c.label, c.issued_at, "done", outcome, finished));
    complaints.push_back(c);
  }
  for (const auto& [store_id, list] : records) f.upload(list, store_id);

  const auto call = [&](const std::string& id, const Json& body) {
    const HqAnswer answer = f.call(id, body);
    REQUIRE_MESSAGE(answer.status == 200, (id + " " + answer.raw));
  };
  for (const Planned& p : planned) {
    const std::string id = "request:" + p.store + ":" + p.code + ":4";
    if (p.plan == 0) call(id, {{"reached", false}});
    if (p.plan == 1) call(id, {{"reached", true}, {"solved", true}, {"score", 5}});
    if (p.plan == 2) call(id, {{"reached", true}, {"solved", false}, {"note", "not fixed"}});
    if (p.plan == 3)
      for (int attempt = 0; attempt < 3; ++attempt) call(id, {{"reached", false}});
    if (p.plan == 5) {
      call(id, {{"reached", false}});
      call(id, {{"reached", true}, {"solved", true}});
    }
  }
  const EpochMs solved_from = SystemClock().now_ms();
  for (std::size_t j = 0; j < complaints.size(); ++j)
    if (complaints[j].plan == 1) call("ticket:" + uuid_of(5000 + int(j)), {{"reached", true}, {"solved", true}});
  const EpochMs solved_until = SystemClock().now_ms();

  // The test's own count over the range: the last 6 days to tomorrow.
  const std::string from = own_text(own_day(now) - std::chrono::days(6)),
                    to = own_text(own_day(now) + std::chrono::days(1));
  const std::string called_on = own_text(own_day(solved_until));
  OwnTally total;
  std::map<std::string, OwnTally> by_store, by_technician;
  for (const Planned& p : planned) {
    if (p.due_day < from || p.due_day > to) continue;
    const bool done = p.plan == 1 || p.plan == 2 || p.plan == 3 || p.plan == 5;
    const bool reached = p.plan == 1 || p.plan == 2 || p.plan == 5;
    const bool solved = p.plan == 1 || p.plan == 5;
    for (OwnTally* t : {&total, &by_store[p.store], &by_technician[p.technician]}) {
      ++t->due;
      t->done += done;
      t->done_on_time += done && called_on <= p.due_day;
      t->reached += reached;
      t->not_solved += p.plan == 2;
      ++t->requests;
      t->solved_first_visit += solved && !p.parts;
    }
  }
  for (const Complaint& c : complaints) {  // tasks of the tickets left to a call, due the day they finished
    const std::string due_day = own_text(own_day(c.issued_at + 10 * 60'000));
    if ((c.plan != 1 && c.plan != 2) || due_day < from || due_day > to) continue;
    for (OwnTally* t : {&total, &by_store[c.store]}) {
      ++t->due;
      t->done += c.plan == 1;
      t->done_on_time += c.plan == 1 && called_on <= due_day;
      t->reached += c.plan == 1;
    }
  }
  for (const Complaint& c : complaints) {
    const std::string issued = own_text(own_day(c.issued_at));
    if (issued < from || issued > to) continue;
    for (OwnTally* t : {&total, &by_store[c.store]}) {
      ++t->opened;
      if (c.plan >= 2) {
        ++t->still_open;
        continue;
      }
      // Resolved 10 minutes after issue, or solved by the call between solved_from and solved_until.
      const EpochMs least = c.plan == 0 ? 10 * 60'000 : solved_from - c.issued_at;
      const EpochMs most = c.plan == 0 ? 10 * 60'000 : solved_until - c.issued_at;
      REQUIRE_MESSAGE((least <= kDay) == (most <= kDay), "a complaint solved too near 24 h to tell");
      t->within_24h += most <= kDay;
      t->within_72h += most <= 3 * kDay;
    }
  }
  REQUIRE(total.due > 20);  // the range holds most of the set, and some are late
  REQUIRE(total.done_on_time < total.done);

  const HqAnswer answer = f.manager.get(std::string(kReport) + "?from=" + from + "&to=" + to);
  REQUIRE_MESSAGE(answer.status == 200, answer.raw);
  const Json& report = answer.body;
  check_figures(report["total"], total, "total");
  check_complaints(report["total"]["complaints"], total, "total complaints");
  REQUIRE(report["stores"].size() == 2);
  for (const Json& row : report["stores"]) {
    check_figures(row, by_store[row["store"]], row["store"]);
    check_complaints(row["complaints"], by_store[row["store"]], row["store"]);
  }
  REQUIRE(report["technicians"].size() == 4);
  for (const Json& row : report["technicians"]) check_figures(row, by_technician[row["id"]], row["name"]);
  const HqCommand cli = f.c.hq.hq({"report", "followups", "--from", from, "--to", to});
  REQUIRE(cli.exit_code == 0);
  CHECK(cli.lines.at(0)["total"] == report["total"]);

  // A database of schema 9: the tasks of the requests done at HQ, made again
  // (those reopened at HQ are open now: none), and the complaints' tasks.
  f.c.hq.stop();
  f.c.hq.migrate_again_from(9);
  CHECK(f.c.hq.sql("SELECT count(*) FROM followup WHERE subject_kind = 'request'") == "30");
  CHECK(f.c.hq.sql("SELECT count(*) FROM followup WHERE subject_kind = 'ticket'") == "6");
  CHECK(f.c.hq.sql("SELECT count(*) FROM complaint") == "12");
  CHECK(f.c.hq.sql("SELECT min(due_day) FROM followup WHERE subject_kind = 'request' AND subject = 'RQ-107'") ==
        planned[7].due_day);
}
