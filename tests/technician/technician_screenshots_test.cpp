// The technician tablet's screens drawn by the real window (GLFW + OpenGL3
// under a private Xvfb, Mesa llvmpipe) in Chinese and English, on a landscape
// 1280x800 and a portrait 800x1280 tablet, driven through the real worker and
// sync thread on a real technician.db with HQ scripted in the process, written
// as PNG files to look at:
//   <build>/tests/technician/screenshots/<size>/<screen>_<lang>.png
// not-set-up, login, jobs (waiting badges, the sync line with HQ unreachable),
// job, sign (the customer's signature), complete (signed), notice, revoked.
// Asserts that each file was written and that no character was drawn as '?'.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/role_runner.h"
#include "signature_samples.h"
#include "support/kiosk_texts.h"
#include "support/xvfb_server.h"
#include "tablet_fixture.h"
#include "technician/technician_app.h"
#include "ui/window.h"

using namespace kiosk;
using namespace kiosk::technician;

namespace {

// The tablet on the fixture's file, acted on as the frame loop would.
struct Device : test::TabletFixture {
  explicit Device(Language language, bool filled = true) {
    if (filled) fill();
    TechnicianAppConfig config;
    config.tablet.data_dir = dir.path();
    config.tablet.clock = &clock;
    config.tablet.sync.transport = hq.transport();
    config.tablet.sync.options.first_round_after = std::chrono::hours(1);
    config.tablet.sync.options.nudge_delay = std::chrono::hours(1);
    config.language = language;
    app = std::make_unique<TechnicianApp>(TechnicianRole{config, test::kiosk_texts()}, now, [] {});
    settle();
  }

  // Applies `action` and every answer it leads to (the sync thread's too, until `done`).
  void act(
      const Action& action, const std::function<bool()>& done = [] { return true; }) {
    now += 1000;
    app->dispatch(action, now);
    settle();
    for (int i = 0; i < 2500 && !done(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      settle();
    }
    REQUIRE(done());
  }
  void settle() { REQUIRE(app->settle(now, 5000)); }
  void sync_now() {
    act(RequestSync{}, [this] { return !app->state().syncing; });
  }
  void type(const std::string& keys) {
    for (char c : keys) act(kit::LoginKey{c});
  }

  EpochMs now = clock.now_ms();
  std::unique_ptr<TechnicianApp> app;
};

void shoot(ui::Window& window, Device& device, const std::string& dir, const std::string& name, Language language) {
  std::filesystem::create_directories(dir);
  for (const std::string& text : device.app->texts_to_show()) window.fonts().add_text(text);
  const ui::DrawFn draw = [&](ui::TouchUi& touch) { device.app->draw(touch, device.now); };
  window.draw(draw);  // notes new characters; the atlas grows before the next frame
  const long fallback_before = window.fonts().fallback_glyphs_drawn();
  const std::string path = dir + "/" + name + (language == Language::Zh ? "_zh" : "_en") + ".png";
  INFO(path);
  CHECK(window.draw_and_capture(draw, path));
  CHECK(window.fonts().fallback_glyphs_drawn() == fallback_before);
  std::printf("[screenshot] %s\n", path.c_str());
}

// The signature tests' handwritten sample, drawn onto the pad on screen
// along its baseline as a customer would sign (the pad's finger inputs).
void sign(ui::Window& window, Device& d) {
  window.draw([&](ui::TouchUi& touch) { d.app->draw(touch, d.now); });
  const std::optional<ui::WidgetRect> pad = window.widgets().find("signature.pad");
  REQUIRE(pad);
  const float em = window.fonts().size_px(ui::FontRole::body);
  const float pad_w = pad->max.x - pad->min.x, pad_h = pad->max.y - pad->min.y;
  for (const kit::InkStroke& sample : test::sample_signature().strokes) {
    kit::InkStroke stroke = sample;
    for (kit::InkPoint& p : stroke) p = {p.x + 0.06f * pad_w / em - 2.0f, p.y + 0.74f * pad_h / em - 8.4f};
    for (const kit::SignatureInput& input : test::pen_inputs(stroke)) d.act(input);
  }
}

void screenshots(int width, int height) {
  test::XvfbServer xvfb(width, height);
  ui::WindowConfig config;
  config.title = "technician-screenshots";
  config.windowed = ui::WindowSize{width, height};
  config.font_scale = app::staff_font_scale();
  ui::Window window(config);
  const std::string dir =
      std::string(KIOSK_SCREENSHOT_DIR) + "/" + std::to_string(width) + "x" + std::to_string(height);
  const std::string on_site = test::request_id(2), assigned = test::request_id(1);
  for (Language language : {Language::Zh, Language::En}) {
    {
      Device fresh(language, /*filled=*/false);
      fresh.sync_now();
      shoot(window, fresh, dir, "not-set-up", language);
    }
    Device d(language);
    shoot(window, d, dir, "login", language);
    d.type("Zhang");
    d.act(kit::LoginKey{' '});
    d.type("Wei");
    d.act(kit::FocusLoginField{kit::LoginField::Pin});
    d.type(test::kPin);
    d.act(kit::SubmitLogin{});
    REQUIRE(d.app->state().screen == Screen::Jobs);
    d.act(OpenJob{assigned});
    d.act(ChangeState{"on-the-way"});
    d.act(BackToJobs{});
    d.sync_now();  // HQ offline: said under the sync line
    shoot(window, d, dir, "jobs", language);
    d.act(OpenJob{on_site});
    d.act(PickStepNote{"parts-ordered"});
    shoot(window, d, dir, "job", language);
    d.act(OpenCompletion{});
    d.act(PickResolution{"replaced-part"});
    d.act(PickScore{5});
    d.act(ToggleReason{"solved"});
    d.act(ToggleConfirmed{});
    REQUIRE(d.app->state().screen == Screen::Sign);
    sign(window, d);
    shoot(window, d, dir, "sign", language);
    d.act(CloseSignature{});
    shoot(window, d, dir, "complete", language);
    d.act(BackToJob{});
    d.act(BackToJobs{});
    d.hq.set_online(true);
    d.hq.refuse_steps("conflict", "version-conflict", "cancelled", 4);
    d.sync_now();
    REQUIRE_FALSE(d.app->state().notices.empty());
    shoot(window, d, dir, "notice", language);
    d.hq.revoke();
    d.sync_now();
    REQUIRE(d.app->state().tablet.revoked);
    shoot(window, d, dir, "revoked", language);
  }
}

}  // namespace

TEST_CASE("every technician screen in zh and en, landscape 1280x800") { screenshots(1280, 800); }

TEST_CASE("every technician screen in zh and en, portrait 800x1280") { screenshots(800, 1280); }
