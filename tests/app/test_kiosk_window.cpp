// The kiosk executable in a real window under a private Xvfb, driven by xdotool
// clicks like a finger: take a number, and the ticket is in the database and
// its paper ticket was printed (to a PNG preview); find help by typing "kt"
// on the on-screen keys, answer "no, I still need help", and the number and
// the article's kb_use row are in the database. Also renders every customer
// screen with `kiosk --screen NAME --screenshot FILE` in both languages (Help's
// on a portrait screen too) and keeps the PNGs as test output; exit code 4
// would mean a character had no glyph. With --listen, the same process serves
// the store node's API to counters, and staff enrol and revoke its devices on
// the staff corner's Devices screen.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "customer/scripted_help_screens.h"
#include "customer/scripted_screens.h"
#include "http_server/tls_identity.h"
#include "kb/kb_book.h"
#include "remote/store_node_client.h"
#include "staff/device_book.h"
#include "staff/staff_book.h"
#include "store/product_catalog.h"
#include "support/child_process.h"
#include "support/test_store.h"
#include "support/xvfb_server.h"

using namespace kiosk;
using kiosk::test::ChildProcess;
using kiosk::test::TestStore;

namespace {

// The kiosk's --widget-map: widget id -> centre in window pixels.
nlohmann::json read_widgets(const std::string& path) {
  std::ifstream in(path);
  const nlohmann::json map = nlohmann::json::parse(in, nullptr, false);
  return map.is_discarded() ? nlohmann::json::object() : map;
}

bool wait_for_widget(const std::string& map_path, const std::string& id,
                     std::chrono::seconds timeout = std::chrono::seconds(30)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (read_widgets(map_path).contains(id)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// The default product catalogue and help articles, as kioskctl init loads them.
void load_products_and_help(TestStore& store) {
  Result<std::vector<ProductCategory>> products =
      read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
  REQUIRE(products);
  Result<std::vector<KbArticle>> articles = read_kb_article_file(std::string(KIOSK_ASSETS_DIR) + "/kb-default.jsonl");
  REQUIRE(articles);
  Transaction tx(store.store->db());
  store_product_catalog(store.store->db(), products.value());
  store_kb_articles(store.store->db(), articles.value(), store.clock.now_ms());
  tx.commit();
}

// The node's key (as its first start makes it) and devices enrolled with
// codes, the last one named `revoked` revoked; returns their tokens by name.
std::map<std::string, std::string> enrol_devices(TestStore& store, const std::vector<std::string>& names,
                                                 const std::string& revoked = {}) {
  REQUIRE(http_server::load_or_create_tls_identity(http_server::node_tls_dir(store.dir.path()), "S1"));
  DeviceBook book(*store.store, store.clock);
  std::map<std::string, std::string> tokens;
  for (const std::string& name : names) {
    const Result<EnrolCode> code = book.issue_code(name);
    REQUIRE(code);
    const DeviceKind kind = name.find("Display") == std::string::npos ? DeviceKind::Counter : DeviceKind::Display;
    const Result<Enrolment> enrolled = book.enrol(code.value().code, kind, name);
    REQUIRE(enrolled);
    tokens[name] = enrolled.value().token;
    if (name == revoked) REQUIRE(book.revoke(enrolled.value().device.id));
  }
  return tokens;
}

void enrol_sample_devices(TestStore& store) {
  enrol_devices(store, {"Counter 2", "Display hall", "Counter 1"}, "Counter 2");
}

void click(const std::string& map_path, const std::string& id) {
  REQUIRE_MESSAGE(wait_for_widget(map_path, id), "no widget " << id << " in the kiosk's window");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a person's pace: past the double-tap guard
  const nlohmann::json at = read_widgets(map_path)[id];
  REQUIRE(test::run_program({"xdotool", "mousemove", std::to_string(at[0].get<int>()), std::to_string(at[1].get<int>()),
                             "click", "1"}) == 0);
}

}  // namespace

TEST_CASE("a finger takes a number in the real window; the ticket is stored and printed") {
  test::XvfbServer xvfb(1280, 800);
  TestStore store;
  REQUIRE(store.engine->open_counter(1, {"A", "B"}).ok());
  test::give_public_page(*store.store, "https://q.example.com", false);  // the paper's QR opens the phone page
  const std::string map = store.dir.file("widgets.json");
  const std::string ticket_png = std::string(KIOSK_SCREENSHOT_DIR) + "/printed-ticket.png";
  std::filesystem::create_directories(KIOSK_SCREENSHOT_DIR);
  std::filesystem::remove(ticket_png);
  ChildProcess kiosk({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", "1280x800",
                      "--widget-map", map, "--printer", ticket_png});
  click(map, "welcome.take");
  click(map, "service.B");
  click(map, "take.confirm");
  REQUIRE(wait_for_widget(map, "ticket.done"));

  Result<std::optional<Ticket>> latest = store.engine->latest_ticket_today();
  REQUIRE(latest.ok());
  REQUIRE(latest.value().has_value());
  CHECK(latest.value()->label == "B001");
  for (int i = 0; i < 200 && latest.value()->print_state != PrintState::Printed; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    latest = store.engine->latest_ticket_today();
  }
  CHECK(latest.value()->print_state == PrintState::Printed);
  CHECK(std::filesystem::file_size(ticket_png) > 1000);

  click(map, "ticket.done");
  REQUIRE(wait_for_widget(map, "welcome.rate"));
  kiosk.kill_hard();
  kiosk.wait();
}

namespace {

// `kiosk --screen` for each of `screens` in both languages at `size`, into `dir`.
void scripted_screenshots(const TestStore& store, const std::vector<std::string>& screens, const std::string& size,
                          const std::string& dir) {
  std::filesystem::create_directories(dir);
  for (const char* lang : {"zh", "en"}) {
    for (const std::string& screen : screens) {
      const std::string png = dir + "/" + screen + "-" + lang + ".png";
      const test::CommandOutput out =
          test::run_command({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", size, "--lang",
                             lang, "--screen", screen, "--screenshot", png});
      CHECK_MESSAGE(out.exit_code == 0, screen << " " << lang << " exited " << out.exit_code);
      CHECK(std::filesystem::file_size(png) > 10'000);
    }
  }
}

// A finger finds help: Help, "k t" on the on-screen keys (composing in
// Chinese, letters in English), 空调's article, "no, I still need help", the
// number for technical support; the ticket and the article's use are stored.
void help_journey(const char* lang) {
  test::XvfbServer xvfb(1280, 800);
  TestStore store;
  REQUIRE(store.engine->open_counter(1, {"A", "C"}).ok());
  load_products_and_help(store);
  const std::string map = store.dir.file("widgets.json");
  ChildProcess kiosk({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", "1280x800", "--lang",
                      lang, "--widget-map", map});
  click(map, "welcome.help");
  click(map, "help.search");
  click(map, "kb.k");
  click(map, "kb.t");
  click(map, "help.article.ac-not-cooling");
  click(map, "help.no");
  click(map, "take.confirm");
  REQUIRE(wait_for_widget(map, "ticket.done"));

  Result<std::optional<Ticket>> latest = store.engine->latest_ticket_today();
  REQUIRE(latest.ok());
  REQUIRE(latest.value().has_value());
  CHECK(latest.value()->service_code == "C");
  CHECK(latest.value()->label == "C001");
  // The use: found by search, answered not helpful, the number taken with it.
  Statement& q = store.store->db().prepare("SELECT article_id, source, language, answer, ticket FROM kb_use");
  bool recorded = false;
  for (int i = 0; i < 250 && !recorded; ++i) {
    recorded = q.step() && !q.is_null(3) && !q.is_null(4);
    if (!recorded) {
      q.reset();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  REQUIRE(recorded);
  CHECK(q.text(0) == "ac-not-cooling");
  CHECK(q.text(1) == "search");
  CHECK(q.text(2) == lang);
  CHECK(q.text(3) == "not-helpful");
  CHECK(q.text(4) == "C001");
  CHECK_FALSE(q.step());  // one use
  q.reset();
  kiosk.kill_hard();
  kiosk.wait();
}

}  // namespace

TEST_CASE("a finger finds help in Chinese in the real window: k t, 空调's article, no; a C number and the use stored") {
  help_journey("zh");
}
TEST_CASE("a finger finds help in English in the real window: kt, the air conditioner, no; a C number and the use") {
  help_journey("en");
}

TEST_CASE("kiosk --screen NAME --screenshot FILE: every customer screen in Chinese and English, all glyphs drawn") {
  TestStore store;
  REQUIRE(store.engine->open_counter(1, {"A"}).ok());
  store.engine->issue({"A", false, {}}).value();
  test::give_public_page(*store.store, "https://q.example.com", true);  // the phone page and the reminder offer
  load_products_and_help(store);  // the request form's products and Help's articles
  enrol_sample_devices(store);    // Devices: three listed, one revoked, and the node's fingerprint
  const std::string dir = std::string(KIOSK_SCREENSHOT_DIR) + "/kiosk";
  {
    test::XvfbServer xvfb(1280, 800);
    scripted_screenshots(store, customer::scripted_screen_names(), "1280x800", dir);
  }
  {  // Help on a portrait screen too
    test::XvfbServer xvfb(1080, 1920);
    scripted_screenshots(store, customer::scripted_help_screen_names(), "1080x1920", dir + "/1080x1920");
  }
  test::XvfbServer xvfb(1280, 800);
  const test::CommandOutput unknown =
      test::run_command({KIOSK_PATH, "--data", store.dir.path(), "--windowed", "640x480", "--screen", "nowhere",
                         "--screenshot", dir + "/x.png"});
  CHECK(unknown.exit_code == 2);
}

TEST_CASE("the customer kiosk with --listen serves the store node's API from the same process") {
  test::XvfbServer xvfb(1280, 800);
  TestStore store;
  REQUIRE(store.engine->open_counter(1, {"A", "B"}).ok());
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();
  REQUIRE(StaffBook(*store.store, store.clock, policy).add("Li", "2580", StaffRole::Counter).ok());
  const std::string map = store.dir.file("widgets.json");
  ChildProcess kiosk({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", "1280x800",
                      "--widget-map", map, "--listen", "127.0.0.1:0"});
  const std::optional<std::string> listening = kiosk.read_line(std::chrono::seconds(30));
  REQUIRE(listening.has_value());
  const std::string address = nlohmann::json::parse(*listening)["listening"];

  click(map, "welcome.take");  // a customer takes a number on the screen...
  click(map, "service.A");
  click(map, "take.confirm");
  REQUIRE(wait_for_widget(map, "ticket.done"));

  remote::StoreNodeClient counter({"http://" + address});  // ...and a counter calls it through the same process
  REQUIRE(counter.login("Li", "2580", 1).ok());
  Result<remote::Json> called = counter.counter_action(1, "call");
  REQUIRE(called.ok());
  CHECK(called.value()["ticket"] == "A001");

  kiosk.terminate();
  CHECK(kiosk.wait() == 0);
}

namespace {

// A finger held on `id` for `ms` (the staff corner opens on the welcome title after 3 s).
void press_and_hold(const std::string& map_path, const std::string& id, int ms) {
  REQUIRE_MESSAGE(wait_for_widget(map_path, id), "no widget " << id << " in the kiosk's window");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const nlohmann::json at = read_widgets(map_path)[id];
  REQUIRE(test::run_program({"xdotool", "mousemove", std::to_string(at[0].get<int>()), std::to_string(at[1].get<int>()),
                             "mousedown", "1", "sleep", std::to_string(ms / 1000.0), "mouseup", "1"}) == 0);
}

// Waits (up to 10 s) until `done` holds, polling the store as the kiosk writes it.
template <class Done>
bool eventually(Done done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done();
}

}  // namespace

TEST_CASE("staff enrol and revoke devices on the kiosk's Devices screen in the real window, its node running") {
  test::XvfbServer xvfb(1280, 800);
  TestStore store;
  StaffPolicy policy;
  policy.pin_cost = PinHashCost::fastest_for_tests();
  REQUIRE(StaffBook(*store.store, store.clock, policy).add("Li", "2580", StaffRole::Counter).ok());
  const std::map<std::string, std::string> tokens = enrol_devices(store, {"Display hall"});
  const std::string map = store.dir.file("widgets.json");
  ChildProcess kiosk({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", "1280x800",
                      "--widget-map", map, "--listen", "127.0.0.1:0"});
  REQUIRE(kiosk.read_line(std::chrono::seconds(30)).has_value());  // the node listens

  press_and_hold(map, "staff.hold", 3500);
  click(map, "login.name");
  click(map, "key.L");
  click(map, "key.I");
  click(map, "login.pin");
  for (char c : std::string("2580")) click(map, std::string("key.") + c);
  click(map, "login.submit");
  click(map, "admin.devices");
  DeviceBook book(*store.store, store.clock);
  click(map, "devices.enrol");
  CHECK(eventually([&] { return book.open_codes().value() == 1; }));  // the code on the screen is in the store

  const Result<std::vector<EnrolledDevice>> listed = book.list();
  REQUIRE(listed);
  REQUIRE(listed.value().size() == 1);
  const std::string display_id = listed.value().front().id;
  click(map, "devices.revoke." + display_id);
  click(map, "devices.revoke_yes");
  CHECK(eventually([&] { return !book.authenticate(tokens.at("Display hall")).ok(); }));
  const Result<EnrolledDevice> refused = book.authenticate(tokens.at("Display hall"));
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "device-revoked");
  click(map, "back");
  REQUIRE(wait_for_widget(map, "admin.close"));

  kiosk.terminate();
  CHECK(kiosk.wait() == 0);
}
