// Headless frames: a tap by stable id clicks exactly that button, on exactly
// the frame the finger lifts, whatever language the labels are in.
#include "ui/headless_ui.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

#include "platform/ui/sample_texts.h"

namespace kiosk::ui {
namespace {

HeadlessConfig sized(float width, float height) {
  HeadlessConfig config;
  config.display_size = {width, height};
  return config;
}

struct Clicks {
  std::vector<int> take_ticket_frames;
  std::vector<int> enquiry_frames;
};

DrawFn service_screen(const HeadlessUi& ui, Clicks& clicks, bool chinese) {
  return [&ui, &clicks, chinese](TouchUi& touch) {
    ScreenPanel panel("service");
    touch.text_centred(chinese ? "欢迎光临" : "Welcome", FontRole::large);
    if (touch.big_button("take_ticket", chinese ? "取号" : "Take a ticket", {12, 3})) {
      clicks.take_ticket_frames.push_back(ui.frame_count());
    }
    if (touch.big_button("enquiry", chinese ? "咨询" : "Enquiries", {12, 3})) {
      clicks.enquiry_frames.push_back(ui.frame_count());
    }
  };
}

TEST_CASE("a tap by id clicks that button on the frame the finger lifts, and no other") {
  HeadlessUi ui(sized(800, 480));
  for (std::string_view text : test::kScreenTexts) ui.fonts().add_text(text);
  Clicks clicks;
  const DrawFn screen = service_screen(ui, clicks, true);
  ui.frame(screen);
  const std::optional<WidgetRect> button = ui.widgets().find("take_ticket");
  REQUIRE(button);
  CHECK(button->max.x - button->min.x == doctest::Approx(12 * 480.0f / 22));  // 12 em of the body font

  REQUIRE(ui.tap("take_ticket", screen));
  const int release_frame = ui.frame_count();
  CHECK(clicks.take_ticket_frames == std::vector<int>{release_frame});
  CHECK(clicks.enquiry_frames.empty());

  ui.frame(screen);
  ui.frame(screen);
  CHECK(clicks.take_ticket_frames.size() == 1);

  REQUIRE(ui.tap("enquiry", screen));
  CHECK(clicks.enquiry_frames == std::vector<int>{ui.frame_count()});
  CHECK(ui.fonts().fallback_glyphs_drawn() == 0);
}

TEST_CASE("ids do not depend on the translated label") {
  HeadlessUi ui;
  Clicks clicks;
  bool chinese = true;
  const DrawFn screen = [&](TouchUi& touch) { service_screen(ui, clicks, chinese)(touch); };
  ui.frame(screen);
  chinese = false;
  ui.frame(screen);
  REQUIRE(ui.tap("take_ticket", screen));
  CHECK(clicks.take_ticket_frames.size() == 1);
}

TEST_CASE("tapping a widget that was not drawn does nothing and says so") {
  HeadlessUi ui;
  Clicks clicks;
  const DrawFn screen = service_screen(ui, clicks, true);
  ui.frame(screen);
  const int frames = ui.frame_count();
  CHECK_FALSE(ui.tap("no_such_button", screen));
  CHECK(ui.frame_count() == frames);
  CHECK(ui.widgets().ids() == std::vector<std::string>{"take_ticket", "enquiry"});
}

}  // namespace
}  // namespace kiosk::ui
