// TechnicianHarness: the tablet's app on the fixture's file, logging in, Sync now.
#include "technician_harness.h"

#include <cctype>
#include <chrono>
#include <thread>

#include "app/role_runner.h"
#include "support/kiosk_texts.h"

namespace kiosk::test {
namespace {

ui::HeadlessConfig headless_config() {
  ui::HeadlessConfig config;
  config.font_scale = app::staff_font_scale();
  return config;
}

}  // namespace

TechnicianHarness::TechnicianHarness() : RoleHarness(headless_config()) {
  sync_options.first_round_after = std::chrono::hours(1);  // rounds when the test says
  sync_options.nudge_delay = std::chrono::hours(1);
  sync_options.interval = std::chrono::hours(1);
}

void TechnicianHarness::start_app(technician::Language language) {
  technician::TechnicianAppConfig config;
  config.tablet.data_dir = dir.path();
  config.tablet.clock = &clock;
  config.tablet.sync.transport = hq.transport();
  config.tablet.sync.options = sync_options;
  config.language = language;
  const EpochMs at = clock.now_ms();
  start(std::make_unique<technician::TechnicianApp>(technician::TechnicianRole{config, kiosk_texts()}, at, [] {}), at);
}

void TechnicianHarness::log_in(const std::string& name, const std::string& pin) {
  tap("login.name");
  tap("key.clear");  // a name kept from the last session
  for (char c : name) tap(c == ' ' ? std::string("key.space") : std::string("key.") + char(std::toupper(c)));
  tap("login.pin");
  type(pin);
  tap("login.submit");
}

void TechnicianHarness::sync_now() {
  tap("sync.now");
  wait_until([&] { return !state().syncing; });
}

void TechnicianHarness::sign_on_pad() {
  const std::optional<ui::WidgetRect> pad = ui.widgets().find("signature.pad");
  REQUIRE(pad);
  const ui::DrawFn draw = [this](ui::TouchUi& touch) { app->draw(touch, now); };
  ImGuiIO& io = ImGui::GetIO();
  const float width = pad->max.x - pad->min.x, height = pad->max.y - pad->min.y;
  for (int i = 0; i <= 16; ++i) {
    io.MousePos = ImVec2(pad->min.x + width * (0.1f + 0.04f * float(i)), pad->min.y + height * (i % 2 ? 0.4f : 0.7f));
    io.MouseDown[0] = true;
    ui.frame(draw);
    app->apply_taps(now);
  }
  io.MouseDown[0] = false;
  ui.frame(draw);
  app->apply_taps(now);
  settle();
}

void TechnicianHarness::wait_until(const std::function<bool()>& done) {
  for (int i = 0; i < 2500; ++i) {
    settle();
    if (done()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  FAIL("the tablet did not get there in 5 s");
}

}  // namespace kiosk::test
