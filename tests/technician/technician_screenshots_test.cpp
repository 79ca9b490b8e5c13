// Every screen of the technician's device drawn by the real window (GLFW +
// OpenGL3 under a private Xvfb, Mesa llvmpipe) in Chinese and English at
// 1280x800, driven through the real worker against a real store node, written
// as PNG files to look at: <build>/tests/technician/screenshots/<screen>_<lang>.png.
// Asserts that each file was written and that no character was drawn as '?'.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/role_runner.h"
#include "support/kiosk_texts.h"
#include "support/xvfb_server.h"
#include "technician_harness.h"
#include "ui/window.h"

using namespace kiosk;
using namespace kiosk::technician;
using S = RequestState;

namespace {

struct Device {
  Device(test::JobNode& node, Language language)
      : app(TechnicianRole{TechnicianAppConfig{"http://127.0.0.1:" + std::to_string(node.port), language, {}},
                           test::kiosk_texts()},
            now, [] {}) {}

  // Applies `action` and the worker's answers, as the frame loop would.
  void act(const Action& action) {
    now += 1000;
    app.dispatch(action, now);
    for (int round = 0; round < 50; ++round) {
      for (int i = 0; i < 2000 && !app.worker_idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      app.update(now);
      if (app.worker_idle() && !app.answers_waiting()) return;
    }
  }

  EpochMs now = SystemClock().now_ms();
  TechnicianApp app;
};

void shoot(ui::Window& window, Device& device, const std::string& name, Language language) {
  const std::string dir = KIOSK_SCREENSHOT_DIR;
  std::filesystem::create_directories(dir);
  for (const std::string& text : device.app.texts_to_show()) window.fonts().add_text(text);
  const ui::DrawFn draw = [&](ui::TouchUi& touch) { device.app.draw(touch, device.now); };
  window.draw(draw);  // notes new characters; the atlas grows before the next frame
  const long fallback_before = window.fonts().fallback_glyphs_drawn();
  const std::string path = dir + "/" + name + (language == Language::Zh ? "_zh" : "_en") + ".png";
  INFO(path);
  CHECK(window.draw_and_capture(draw, path));
  CHECK(window.fonts().fallback_glyphs_drawn() == fallback_before);
  std::printf("[screenshot] %s\n", path.c_str());
}

void type(Device& d, const std::string& keys) {
  for (char c : keys) d.act(kit::LoginKey{c});
}

}  // namespace

TEST_CASE("every technician screen in zh and en") {
  test::XvfbServer xvfb(1280, 800);
  ui::WindowConfig config;
  config.title = "technician-screenshots";
  config.windowed = ui::WindowSize{1280, 800};
  config.font_scale = app::staff_font_scale();
  ui::Window window(config);
  for (Language language : {Language::Zh, Language::En}) {
    test::JobNode node;
    const Request urgent = node.job("Zhang", S::OnSite);
    node.job("Zhang", S::Scheduled);
    node.job("Zhang", S::Assigned, "13700001111");
    Device d(node, language);
    shoot(window, d, "login", language);
    type(d, "Zhang");
    d.act(kit::FocusLoginField{kit::LoginField::Pin});
    type(d, "1111");
    d.act(kit::SubmitLogin{});
    shoot(window, d, "login-wrong-pin", language);
    type(d, "3690");
    d.act(kit::SubmitLogin{});
    REQUIRE(d.app.state().screen == Screen::Jobs);
    shoot(window, d, "jobs", language);
    d.act(OpenJob{urgent.code});
    d.act(PickStepNote{"parts-ordered"});
    shoot(window, d, "job", language);
    d.act(OpenCompletion{});
    d.act(PickResolution{"replaced-part"});
    d.act(ToggleConfirmed{});
    d.act(PickScore{5});
    d.act(ToggleReason{"solved"});
    shoot(window, d, "complete", language);
    d.act(BackToJob{});
    node.server->stop();
    d.act(ChangeState{"waiting-for-parts"});
    shoot(window, d, "offline", language);
  }
}
