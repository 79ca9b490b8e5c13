// The kiosk executable in a real window under a private Xvfb, driven by xdotool
// clicks like a finger: take a number, and the ticket is in the database and
// its paper ticket was printed (to a PNG preview). Also renders every customer
// screen with `kiosk --screen NAME --screenshot FILE` in both languages and keeps
// the PNGs as test output; exit code 4 would mean a character had no glyph.
// With --listen, the same process serves the store node's API to counters.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "customer/scripted_screens.h"
#include "remote/store_node_client.h"
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

TEST_CASE("kiosk --screen NAME --screenshot FILE: every customer screen in Chinese and English, all glyphs drawn") {
  test::XvfbServer xvfb(1280, 800);
  TestStore store;
  REQUIRE(store.engine->open_counter(1, {"A"}).ok());
  store.engine->issue({"A", false, {}}).value();
  test::give_public_page(*store.store, "https://q.example.com", true);  // the phone page and the reminder offer
  {  // the request form's products, as kioskctl init loads them
    Result<std::vector<ProductCategory>> products =
        read_product_catalog_file(std::string(KIOSK_ASSETS_DIR) + "/products-default.jsonl");
    REQUIRE(products);
    Transaction tx(store.store->db());
    store_product_catalog(store.store->db(), products.value());
    tx.commit();
  }
  const std::string dir = std::string(KIOSK_SCREENSHOT_DIR) + "/kiosk";
  std::filesystem::create_directories(dir);
  for (const char* lang : {"zh", "en"}) {
    for (const std::string& screen : customer::scripted_screen_names()) {
      const std::string png = dir + "/" + screen + "-" + lang + ".png";
      const test::CommandOutput out =
          test::run_command({KIOSK_PATH, "--role", "customer", "--data", store.dir.path(), "--windowed", "1280x800",
                             "--lang", lang, "--screen", screen, "--screenshot", png});
      CHECK_MESSAGE(out.exit_code == 0, screen << " " << lang << " exited " << out.exit_code);
      CHECK(std::filesystem::file_size(png) > 10'000);
    }
  }
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
