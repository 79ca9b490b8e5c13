// The display app against a real store node, drawn headless (real ImGui
// context and fonts, 1920x1080): a call, the five earlier ones, the waiting
// counts, the offline banner while the node is down; calls made through the
// API reach the app's state in order across a restart; and no phone number or
// QR token ever appears among the texts drawn, though the tickets have both;
// not enrolled → a code enrols it and the board follows; another key → wrong server.
#include <doctest/doctest.h>

#include <algorithm>

#include "display/screens/display_screens.h"
#include "display_harness.h"
#include "http/key_pin.h"
#include "support/temp_dir.h"
#include "ui/headless_ui.h"

using namespace kiosk;
using namespace kiosk::display;

namespace {

constexpr const char* kPhone = "13812345678";

struct Board {
  Board() : ui(config()) {}
  static ui::HeadlessConfig config() {
    ui::HeadlessConfig c;
    c.display_size = ImVec2(1920, 1080);
    c.font_scale = display_font_scale();
    return c;
  }
  // Draws the app as it is now (twice: the first frame grows the atlas); returns the texts drawn.
  std::vector<std::string> draw(DisplayApp& app, EpochMs now) {
    std::vector<std::string> drawn;
    for (int i = 0; i < 2; ++i) {
      drawn.clear();
      ui.frame([&](ui::TouchUi& t) {
        draw_display_board(t, BoardView{app.state(), app.texts(), app.role().config.timings, now, &drawn});
      });
    }
    return drawn;
  }
  ui::HeadlessUi ui;
};

bool has(const std::vector<std::string>& drawn, const std::string& text) {
  return std::find(drawn.begin(), drawn.end(), text) != drawn.end();
}

std::vector<std::string> board_labels(const DisplayState& state) {
  std::vector<std::string> out;
  for (const BoardCall& call : state.calls) out.push_back(call.event.ticket);
  return out;
}

}  // namespace

TEST_CASE(
    "calls through the API reach the display in order; the board shows them, counts and the banner; no personal data") {
  test::NodeFixture node;
  std::vector<std::string> tokens;
  for (int i = 0; i < 12; ++i) {
    Result<IssuedTicket> issued = node.store.engine->issue({i % 3 ? "A" : "B", false, kPhone});
    REQUIRE(issued.ok());
    tokens.push_back(issued.value().ticket.token);
  }
  test::ApiClient counter1 = node.staff_client("Li", "2580", 1);
  test::ApiClient counter3 = node.staff_client("Wang", "1470", 3);
  test::TempDir device_dir;
  DisplayApp app(DisplayRole(test::fast_config(node, device_dir.path()), test::kiosk_texts(), nullptr),
                 SystemClock().now_ms(), [] {});
  REQUIRE(test::pump_until(app, [&] { return app.state().history_loaded && app.state().queue_loaded; }));
  Board board;

  {  // an empty board before any call
    const std::vector<std::string> drawn = board.draw(app, SystemClock().now_ms());
    CHECK(has(drawn, "暂无叫号"));
    CHECK(has(drawn, "No calls yet"));
  }

  std::vector<std::string> called;  // in call order
  for (int i = 0; i < 4; ++i) called.push_back(test::call_next(i % 2 ? counter3 : counter1, i % 2 ? 3 : 1));
  REQUIRE(test::pump_until(app, [&] { return app.state().calls.size() == 4; }));

  // The node stops mid-way: the banner; calls made meanwhile on the store file come after the restart.
  node.server->stop();
  REQUIRE(test::pump_until(app, [&] { return app.state().connection == Connection::Offline; }));
  {
    const std::vector<std::string> drawn = board.draw(app, SystemClock().now_ms());
    CHECK(has(drawn, "与叫号服务器的连接已断开，正在重新连接…"));
    CHECK(has(drawn, "Connection lost, reconnecting…"));
    CHECK(has(drawn, called.back()));  // what was called stays up
  }
  REQUIRE(node.store.engine->finish(1, Outcome::Resolved).ok());
  Result<Ticket> offline_call = node.store.engine->call_next(1);
  REQUIRE(offline_call.ok());
  called.push_back(offline_call.value().label);
  test::restart_node(node);
  for (int i = 0; i < 3; ++i) called.push_back(test::call_next(i % 2 ? counter1 : counter3, i % 2 ? 1 : 3));
  REQUIRE(test::pump_until(app, [&] { return app.state().calls.front().event.ticket == called.back(); }));
  CHECK(app.state().connection == Connection::Online);

  // The current call and the five before it, newest first, each once.
  std::vector<std::string> expected(called.rbegin(), called.rbegin() + kKeptCalls);
  CHECK(board_labels(app.state()) == expected);

  const EpochMs now = SystemClock().now_ms();
  const std::vector<std::string> drawn = board.draw(app, now);
  for (const std::string& label : expected) CHECK(has(drawn, label));
  CHECK(has(drawn, "请到 3 号窗口"));  // the current call is at counter 3
  CHECK(has(drawn, "Please go to counter 3"));
  CHECK(has(drawn, "1 号窗口"));
  CHECK(has(drawn, "Counter 1"));
  CHECK_FALSE(has(drawn, "Connection lost, reconnecting…"));
  // Waiting counts: 12 issued, 8 called; the queue refreshes after each event.
  REQUIRE(test::pump_until(app, [&] {
    int waiting = 0;
    for (const ServiceCount& s : app.state().services) waiting += s.waiting;
    return waiting == 4;
  }));
  const std::vector<std::string> counted = board.draw(app, SystemClock().now_ms());
  for (const ServiceCount& s : app.state().services) {
    CHECK(has(counted, s.name_zh));
    CHECK(has(counted, s.name_en));
  }
  CHECK(has(counted, "咨询"));
  CHECK(has(counted, "等候人数  Waiting"));

  // Nothing personal: no phone (whole, masked or its last digits), no token.
  for (const std::string& text : counted) {
    CAPTURE(text);
    CHECK(text.find("5678") == std::string::npos);
    CHECK(text.find("138") == std::string::npos);
    CHECK(text.find('*') == std::string::npos);
    for (const std::string& token : tokens) CHECK(text.find(token.substr(0, 8)) == std::string::npos);
  }
  CHECK(board.ui.fonts().missing_characters().empty());
  CHECK(app.texts().missing_keys().empty());
  const ui::AtlasStats& atlas = board.ui.fonts().stats();
  MESSAGE("atlas at 1920x1080: " << atlas.width << "x" << atlas.height << ", " << atlas.glyphs << " glyphs");
  CHECK(atlas.width <= 4096);
  CHECK(atlas.height <= 4096);  // fits the texture limit of small GPUs
}

TEST_CASE("a new call blinks for a few seconds; a recall says so; English can lead") {
  test::NodeFixture node;
  node.issue(3);
  test::ApiClient counter2 = node.staff_client("Li", "2580", 2);
  test::TempDir device_dir;
  DisplayAppConfig config = test::fast_config(node, device_dir.path());
  config.language = LanguageChoice::En;
  DisplayApp app(DisplayRole(config, test::kiosk_texts(), nullptr), SystemClock().now_ms(), [] {});
  REQUIRE(test::pump_until(app, [&] { return app.state().history_loaded; }));
  const std::string label = test::call_next(counter2, 2);
  REQUIRE(test::pump_until(app, [&] { return !app.state().calls.empty(); }));
  const BoardCall& current = app.state().calls.front();
  CHECK(current.event.ticket == label);
  CHECK(current.arrived_at > 0);
  REQUIRE(counter2.post("/api/v1/counters/2/recall").status == 200);
  REQUIRE(test::pump_until(app, [&] { return app.state().calls.front().event.recall; }));

  Board board;
  const std::vector<std::string> drawn = board.draw(app, app.state().calls.front().arrived_at + 100);
  CHECK(has(drawn, "Called again  再次呼叫"));
  CHECK(has(drawn, "Please go to counter 2"));
  CHECK(has(drawn, "请到 2 号窗口"));
  CHECK(has(drawn, "Now serving"));
  CHECK(app.state().calls.size() == 1);  // a recall is not a second entry
}

TEST_CASE(
    "a no-show at the counter takes the call off the board at once, with no announcement; the clock is the store's") {
  test::NodeFixture node;
  node.issue(3);
  test::ApiClient counter2 = node.staff_client("Li", "2580", 2);
  test::TempDir device_dir;
  DisplayApp app(DisplayRole(test::fast_config(node, device_dir.path()), test::kiosk_texts(), nullptr),
                 SystemClock().now_ms(), [] {});
  REQUIRE(test::pump_until(app, [&] { return app.state().history_loaded && app.state().zone; }));
  CHECK(app.state().zone->name() == node.store.store->zone().name());
  const std::string first = test::call_next(counter2, 2);
  REQUIRE(test::pump_until(app, [&] { return !app.state().calls.empty(); }));
  REQUIRE(counter2.post("/api/v1/counters/2/no-show").status == 200);
  REQUIRE(test::pump_until(app, [&] { return app.state().calls.empty(); }));  // was still "please go to counter 2"

  const EpochMs now = SystemClock().now_ms();
  Board board;
  const std::vector<std::string> drawn = board.draw(app, now);
  CHECK_FALSE(has(drawn, first));
  CHECK(has(drawn, node.store.store->zone().local_minute(now).substr(11)));  // HH:MM in the store's zone
}

TEST_CASE("a display that is not enrolled shows the enrol screen; a code enrols it and the board follows") {
  test::NodeFixture node;
  test::TempDir device_dir;
  DisplayAppConfig config = test::fast_config(node, device_dir.path());
  config.node.enrolment.reset();
  DisplayApp app(DisplayRole(config, test::kiosk_texts(), nullptr), SystemClock().now_ms(), [] {});
  CHECK(app.state().device.standing == kit::DeviceStanding::NotEnrolled);
  for (char digit : node.enrol_code()) app.dispatch(kit::EnrolKey{digit}, SystemClock().now_ms());
  app.dispatch(kit::SubmitEnrol{}, SystemClock().now_ms());
  REQUIRE(test::pump_until(app, [&] { return kit::enrolled(app.state().device) && app.state().history_loaded; }));
  CHECK(app.state().device.fingerprint == http::fingerprint_of_pin(node.pin));
  CHECK(remote::load_enrolment(device_dir.path(), node.url()).value().has_value());
}

TEST_CASE("a display whose node has another key shows the wrong-server screen and asks nothing more") {
  test::NodeFixture node, other;
  test::TempDir device_dir;
  DisplayAppConfig config = test::fast_config(node, device_dir.path());
  config.node.enrolment->node_pin = other.pin;
  DisplayApp app(DisplayRole(config, test::kiosk_texts(), nullptr), SystemClock().now_ms(), [] {});
  REQUIRE(test::pump_until(app, [&] { return app.state().device.standing == kit::DeviceStanding::WrongServer; }));
  CHECK_FALSE(app.state().queue_loaded);
  app.dispatch(kit::EnrolAgain{}, SystemClock().now_ms());
  CHECK(app.state().device.standing == kit::DeviceStanding::NotEnrolled);
}
