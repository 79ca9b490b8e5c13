// The admin's part of the console's API on a real hq and real stores
// (`kioskctl sync`): a store and its device made in the console sync with the
// device's token until it is revoked; staff added, given a new PIN and retired
// in the console log in at the store (or no longer do); a service edited or a
// catalogue imported reaches the store, and the export reads back unchanged;
// console users are added and disabled; the overdue hours are settings. Bad
// input, other roles and a missing CSRF token are refused; each change is audited.
#include <doctest/doctest.h>

#include "hq/hq_fixture.h"
#include "staff/staff_book.h"
#include "store/store_db.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr const char* kApi = "/api/console/v1";

// An hq with its admin logged in, and a store directory to sync.
struct Admin {
  ConsoleHq c;
  ConsoleClient admin{0};
  std::string store;

  Admin() : store(c.hq.dir.file("store")) {
    c.hq.start();
    admin = ConsoleClient(c.hq.port);
    REQUIRE(admin.login("ada", kConsolePassword).status == 200);
  }
  HqAnswer get(const std::string& path) { return admin.get(kApi + path); }
  HqAnswer send(const std::string& method, const std::string& path, const Json& body) {
    return admin.send(method, kApi + path, body.dump());
  }
  // Store `id` made in the console (unless the fixture made it), with a
  // device whose token the store directory uses.
  std::string store_with_device(const std::string& id) {
    if (id != "S1") REQUIRE(send("POST", "/stores", {{"id", id}, {"name", "Store " + id}}).status == 200);
    const HqAnswer device = send("POST", "/stores/" + id + "/devices", {{"label", "kiosk 1"}});
    REQUIRE_MESSAGE(device.status == 200, device.raw);
    REQUIRE(kioskctl(store, {"init", "--store", id}).exit_code == 0);
    REQUIRE(kioskctl(store, {"hq", "set", "--url", c.hq.url(), "--token", device.body["token"]}).exit_code == 0);
    return device.body["device"];
  }
  int sync() { return kioskctl(store, {"sync"}).exit_code; }
  bool pin_works(const std::string& name, const std::string& pin) {
    auto db = StoreDb::open(store);
    REQUIRE(db.ok());
    return StaffBook(*db.value(), SystemClock()).check_pin(name, pin).ok();
  }
  std::vector<std::string> audit_actions() {
    std::vector<std::string> actions;
    const Json entries = get("/audit").body["entries"];
    for (const Json& entry : entries) actions.push_back(entry["action"]);
    return actions;
  }
};

void check_error(const HqAnswer& answer, int status, const std::string& code) {
  CHECK_MESSAGE(answer.status == status, answer.raw);
  CHECK_MESSAGE(answer.body["error"]["code"] == code, answer.raw);
  CHECK_MESSAGE(!answer.body["error"]["message"].get<std::string>().empty(), answer.raw);
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the admin adds a store and a device that syncs, sees its health and revokes it") {
  Admin a;
  const std::string device = a.store_with_device("S7");
  CHECK(a.sync() == 0);

  const Json stores = a.get("/stores").body["stores"];
  REQUIRE(stores.size() == 3);  // the fixture's S1 and S2, and S7
  CHECK(stores[2]["store"] == "S7");
  CHECK(stores[2]["name"] == "Store S7");
  CHECK(stores[2]["time_zone"] == "Asia/Shanghai");
  CHECK(stores[2]["devices"] == 1);
  const HqAnswer devices = a.get("/devices?store=S7");
  REQUIRE_MESSAGE(devices.status == 200, devices.raw);
  REQUIRE(devices.body["devices"].size() == 1);
  const Json& seen = devices.body["devices"][0];
  CHECK(seen["device"] == device);
  CHECK(seen["label"] == "kiosk 1");
  CHECK(seen["reported_at"].is_number());  // the sync carried a health report
  CHECK(seen["problems"].is_array());

  const HqAnswer revoked = a.send("POST", "/devices/" + device + "/revoke", Json::object());
  REQUIRE_MESSAGE(revoked.status == 200, revoked.raw);
  CHECK(a.sync() != 0);  // the store's token no longer opens the sync API
  CHECK(a.get("/devices?store=S7").body["devices"][0]["revoked_at"].is_number());

  check_error(a.send("POST", "/stores", {{"id", "S7"}, {"name", "again"}}), 409, "duplicate-store");
  check_error(a.send("POST", "/stores", {{"id", "S8"}, {"name", "x"}, {"time_zone", "Mars/Olympus"}}), 400,
              "invalid-argument");
  check_error(a.send("POST", "/stores", {{"name", "no id"}}), 400, "missing-field");
  check_error(a.send("POST", "/stores", {{"id", "bad\nid"}, {"name", "x"}}), 400, "invalid-argument");
  check_error(a.send("POST", "/stores/S9/devices", Json::object()), 404, "unknown-store");
  check_error(a.send("POST", "/stores/S7/devices", {{"label", 7}}), 400, "bad-field");
  check_error(a.send("POST", "/devices/no-such-device/revoke", Json::object()), 404, "unknown-device");
  const std::vector<std::string> actions = a.audit_actions();
  for (const char* action : {"store-add", "device-add", "device-revoke"})
    CHECK_MESSAGE(contains(actions, action), action);
}

TEST_CASE("staff added, given a new PIN and retired in the console reach the store") {
  Admin a;
  a.store_with_device("S1");
  const HqAnswer added = a.send("POST", "/stores/S1/staff", {{"name", "王芳"}, {"role", "counter"}, {"pin", "1357"}});
  REQUIRE_MESSAGE(added.status == 200, added.raw);
  REQUIRE(a.sync() == 0);
  CHECK(a.pin_works("王芳", "1357"));

  REQUIRE(a.send("POST", "/stores/S1/staff/pin", {{"name", "王芳"}, {"pin", "86420"}}).status == 200);
  REQUIRE(a.sync() == 0);
  CHECK_FALSE(a.pin_works("王芳", "1357"));
  CHECK(a.pin_works("王芳", "86420"));

  const Json staff = a.get("/stores/S1/staff").body["staff"];
  REQUIRE(staff.size() == 1);
  CHECK(staff[0]["name"] == "王芳");
  CHECK(staff[0]["role"] == "counter");
  CHECK(staff[0]["active"] == true);
  CHECK_FALSE(staff[0].contains("pin_hash"));

  check_error(a.send("POST", "/stores/S1/staff", {{"name", "王芳"}, {"role", "counter"}, {"pin", "2468"}}), 409,
              "duplicate-name");
  check_error(a.send("POST", "/stores/S1/staff", {{"name", "Li"}, {"role", "counter"}, {"pin", "12"}}), 400, "bad-pin");
  check_error(a.send("POST", "/stores/S1/staff", {{"name", "Li"}, {"role", "boss"}, {"pin", "1234"}}), 400, "bad-role");
  check_error(a.send("POST", "/stores/S1/staff/pin", {{"name", "Nobody"}, {"pin", "1234"}}), 404, "unknown-staff");
  check_error(a.send("POST", "/stores/S9/staff", {{"name", "Li"}, {"role", "counter"}, {"pin", "1234"}}), 404,
              "unknown-store");

  REQUIRE(a.send("POST", "/stores/S1/staff/retire", {{"name", "王芳"}}).status == 200);
  REQUIRE(a.sync() == 0);
  CHECK_FALSE(a.pin_works("王芳", "86420"));
  CHECK(a.get("/stores/S1/staff").body["staff"][0]["active"] == false);
  check_error(a.send("POST", "/stores/S1/staff/retire", {{"name", "王芳"}}), 404, "unknown-staff");
  const std::vector<std::string> actions = a.audit_actions();
  for (const char* action : {"staff-add", "staff-pin-reset", "staff-retire"})
    CHECK_MESSAGE(contains(actions, action), action);
}

TEST_CASE("a service edited and a catalogue imported in the console reach the store; the export reads back") {
  Admin a;
  a.store_with_device("S1");
  const HqAnswer imported =
      a.send("POST", "/catalog/services/import",
             {{"catalog",
               "# two services\n{\"code\":\"A\",\"zh\":\"咨询\",\"en\":\"Consultation\",\"wait_target_min\":15}\n"
               "{\"code\":\"B\",\"zh\":\"维修\",\"en\":\"Repairs\",\"wait_target_min\":20}\n"}});
  REQUIRE_MESSAGE(imported.status == 200, imported.raw);
  CHECK(imported.body["services"] == 2);

  const HqAnswer edited =
      a.send("PUT", "/catalog/services/B",
             {{"zh", "维修服务"}, {"en", "Repair service"}, {"wait_target_min", 25}, {"active", true}});
  REQUIRE_MESSAGE(edited.status == 200, edited.raw);
  CHECK(edited.body["changed"] == true);
  CHECK(edited.body["service"]["sort_order"] == 1);
  REQUIRE(a.sync() == 0);
  const Json queue = kioskctl(a.store, {"queue"}).body;
  bool found = false;
  for (const Json& service : queue["services"])
    if (service["code"] == "B") {
      found = true;
      CHECK(service["en"] == "Repair service");
      CHECK(service["wait_target_min"] == 25);
    }
  CHECK_MESSAGE(found, queue.dump());

  const Json all = a.get("/catalog/services/all").body["services"];
  REQUIRE(all.size() == 2);
  CHECK(all[0]["code"] == "A");
  CHECK(all[1]["zh"] == "维修服务");

  const HqAnswer exported = a.get("/catalog/services/export");
  REQUIRE(exported.status == 200);
  CHECK(exported.raw.find("\"code\":\"B\"") != std::string::npos);
  const HqAnswer again = a.send("POST", "/catalog/services/import", {{"catalog", exported.raw}});
  REQUIRE_MESSAGE(again.status == 200, again.raw);
  CHECK(again.body["changes"] == 0);

  const HqAnswer bad_line = a.send("POST", "/catalog/services/import",
                                   {{"catalog", "{\"code\":\"A\",\"zh\":\"x\",\"en\":\"x\"}\nnot json\n"}});
  check_error(bad_line, 400, "invalid-argument");
  CHECK(bad_line.body["error"]["message"].get<std::string>().find("line 2") != std::string::npos);
  check_error(a.send("PUT", "/catalog/services/B", {{"zh", "x"}, {"en", "x"}, {"wait_target_min", 0}}), 400,
              "invalid-argument");
  check_error(a.send("PUT", "/catalog/services/bb", {{"zh", "x"}, {"en", "x"}}), 400, "invalid-argument");
  check_error(a.send("PUT", "/catalog/services/C", {{"zh", "x"}, {"en", "x"}, {"colour", "red"}}), 400,
              "invalid-argument");
  CHECK(a.get("/catalog/services/all").body["services"].size() == 2);
  const std::vector<std::string> actions = a.audit_actions();
  for (const char* action : {"catalog-import", "service-change"}) CHECK_MESSAGE(contains(actions, action), action);
}

TEST_CASE("console users and settings are the admin's; other roles and a missing CSRF token are refused") {
  Admin a;
  const HqAnswer added =
      a.send("POST", "/users", {{"name", "ken"}, {"role", "manager"}, {"password", "a long password"}});
  REQUIRE_MESSAGE(added.status == 200, added.raw);
  ConsoleClient ken(a.c.hq.port);
  CHECK(ken.login("ken", "a long password").status == 200);
  const std::string ken_id = added.body["user"];
  REQUIRE(a.send("POST", "/users/" + ken_id + "/disable", Json::object()).status == 200);
  CHECK(ken.get(std::string(kApi) + "/me").status == 401);  // the session ended with the account
  CHECK(ken.login("ken", "a long password").status == 401);
  REQUIRE(a.send("POST", "/users/" + ken_id + "/enable", Json::object()).status == 200);
  CHECK(ken.login("ken", "a long password").status == 200);

  check_error(a.send("POST", "/users", {{"name", "ken"}, {"role", "manager"}, {"password", "a long password"}}), 409,
              "duplicate");
  check_error(a.send("POST", "/users", {{"name", "lou"}, {"role", "owner"}, {"password", "a long password"}}), 400,
              "invalid-argument");
  check_error(a.send("POST", "/users", {{"name", "lou"}, {"role", "manager"}, {"password", "short"}}), 400,
              "invalid-argument");
  check_error(a.send("POST", "/users/no-such-id/disable", Json::object()), 404, "unknown-user");
  std::string own_id;
  const Json users = a.get("/users").body["users"];
  for (const Json& user : users)
    if (user["name"] == "ada") own_id = user["id"];
  check_error(a.send("POST", "/users/" + own_id + "/disable", Json::object()), 409, "own-account");

  CHECK(a.get("/settings").body == Json{{"overdue_urgent_hours", 24}, {"overdue_normal_hours", 72}});
  const HqAnswer set = a.send("PUT", "/settings", {{"overdue_urgent_hours", 4}, {"overdue_normal_hours", 48}});
  REQUIRE_MESSAGE(set.status == 200, set.raw);
  CHECK(a.get("/settings").body["overdue_urgent_hours"] == 4);
  ConsoleClient dan(a.c.hq.port);
  REQUIRE(dan.login("dan", kConsolePassword).status == 200);
  CHECK(dan.get(std::string(kApi) + "/requests").body["overdue_hours"] == Json{{"urgent", 4}, {"normal", 48}});
  check_error(a.send("PUT", "/settings", {{"overdue_urgent_hours", 0}, {"overdue_normal_hours", 48}}), 400,
              "bad-field");
  check_error(a.send("PUT", "/settings", {{"overdue_urgent_hours", 50}, {"overdue_normal_hours", 48}}), 400,
              "bad-setting");
  const std::vector<std::string> actions = a.audit_actions();
  for (const char* action : {"user-add", "user-disable", "user-enable", "settings-change"})
    CHECK_MESSAGE(contains(actions, action), action);

  ConsoleClient mia(a.c.hq.port);
  REQUIRE(mia.login("mia", kConsolePassword).status == 200);
  for (const char* path : {"/stores", "/devices", "/stores/S1/staff", "/catalog/services/all",
                           "/catalog/services/export", "/users", "/settings"})
    CHECK_MESSAGE(mia.get(kApi + std::string(path)).status == 403, path);
  for (const auto& [method, path] :
       std::vector<std::pair<std::string, std::string>>{{"POST", "/stores"},
                                                        {"POST", "/stores/S1/devices"},
                                                        {"POST", "/stores/S1/staff"},
                                                        {"PUT", "/catalog/services/A"},
                                                        {"POST", "/catalog/services/import"},
                                                        {"POST", "/users"},
                                                        {"PUT", "/settings"}})
    CHECK_MESSAGE(dan.send(method, kApi + path, "{}").status == 403, path);
  CHECK(a.admin.send("POST", std::string(kApi) + "/stores", R"({"id":"S5","name":"x"})", {{"X-CSRF-Token", "wrong"}})
            .status == 403);
  CHECK(a.get("/stores").body["stores"].size() == 2);  // no S5
}

TEST_CASE(
    "HQ's product catalogue replaces the store's whole through the feed; every role reads it, the admin changes it") {
  Admin a;
  a.store_with_device("S1");
  CHECK(a.get("/catalog/products").body == Json{{"catalog", ""}, {"products", Json::array()}});
  const std::string lines =
      "# two products\n"
      "{\"problem\":\"no-power\",\"zh\":\"无法开机\",\"en\":\"Won't power on\"}\n"
      "{\"problem\":\"install-new\",\"zh\":\"新机安装\",\"en\":\"New installation\",\"kinds\":[\"installation\"]}\n"
      "{\"product\":\"heat-pump\",\"zh\":\"热泵\",\"en\":\"Heat pumps\",\"problems\":[\"no-power\",\"install-new\"]}\n"
      "{\"product\":\"robot-vacuum\",\"zh\":\"扫地机\",\"en\":\"Robot vacuums\",\"problems\":[\"no-power\"]}\n";
  const HqAnswer imported = a.send("PUT", "/catalog/products", {{"catalog", lines}});
  REQUIRE_MESSAGE(imported.status == 200, imported.raw);
  CHECK(imported.body == Json{{"products", 2}, {"problems", 2}});
  REQUIRE(a.sync() == 0);

  const Json on_store = kioskctl(a.store, {"request", "products"}).body;
  std::vector<std::string> codes;
  for (const Json& product : on_store["products"]) codes.push_back(product["code"]);
  CHECK(codes == std::vector<std::string>{"heat-pump", "robot-vacuum"});
  const CtlReply made = kioskctl(a.store, {"request", "create", "--product", "heat-pump", "--problem", "no-power",
                                           "--name", "Li", "--phone", "13812345678", "--consent", "--drop-off"});
  CHECK_MESSAGE(made.exit_code == 0, made.body.dump());

  CHECK(a.get("/catalog/products/export").raw == lines);
  ConsoleClient dan(a.c.hq.port);
  REQUIRE(dan.login("dan", kConsolePassword).status == 200);
  const HqAnswer read = dan.get(std::string(kApi) + "/catalog/products");
  REQUIRE(read.status == 200);
  CHECK(read.body["products"][0]["zh"] == "热泵");
  CHECK(dan.send("PUT", std::string(kApi) + "/catalog/products", Json{{"catalog", lines}}.dump()).status == 403);

  const HqAnswer bad =
      a.send("PUT", "/catalog/products",
             {{"catalog", "{\"product\":\"tv\",\"zh\":\"电视\",\"en\":\"TVs\",\"problems\":[\"nope\"]}\n"}});
  check_error(bad, 400, "invalid-argument");
  CHECK_MESSAGE(bad.body["error"]["message"].get<std::string>().find("line 1") != std::string::npos, bad.raw);
  check_error(a.send("PUT", "/catalog/products", {{"catalog", 5}}), 400, "bad-field");
  CHECK(a.get("/catalog/products").body["catalog"] == lines);  // unchanged
  CHECK(contains(a.audit_actions(), "products-import"));
}
