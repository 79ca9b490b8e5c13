// TechnicianHarness: frames, taps and waiting for the worker.
#include "technician_harness.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace kiosk::test {

app::Translations technician_texts() {
  Result<app::Translations> texts = app::Translations::load_directory(std::string(KIOSK_ASSETS_DIR) + "/i18n");
  REQUIRE_MESSAGE(texts.ok(), (texts.ok() ? "" : texts.error().message));
  return std::move(texts).value();
}

namespace {

ui::HeadlessConfig headless_config() {
  ui::HeadlessConfig config;
  config.font_scale = technician::technician_font_scale();
  return config;
}

}  // namespace

TechnicianHarness::TechnicianHarness(technician::Language language)
    : now(SystemClock().now_ms()), ui(headless_config()) {
  technician::TechnicianAppConfig config;
  config.store_url = "http://127.0.0.1:" + std::to_string(node.port);
  config.language = language;
  app = std::make_unique<technician::TechnicianApp>(config, technician_texts(), [] {});
  for (const std::string& text : app->texts_to_show()) ui.fonts().add_text(text);
  draw = [this](ui::TouchUi& touch) { app->draw(touch, now); };
  settle();
}

// What the device declares it may show goes to the atlas before each frame,
// as the window seeds it, so a job's words arriving from the node draw at once.
void TechnicianHarness::draw_frame() {
  for (const std::string& text : app->texts_to_show()) ui.fonts().add_text(text);
  ui.frame(draw);
}

void TechnicianHarness::settle() {
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 2000 && !app->worker_idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(app->worker_idle());
    app->update(now);
    draw_frame();
    app->apply_taps(now);
    if (app->worker_idle() && !app->answers_waiting()) return;
  }
  FAIL("the device kept asking the node for more");
}

void TechnicianHarness::tap(const std::string& id) {
  now += 1000;
  app->update(now);
  draw_frame();
  app->apply_taps(now);
  REQUIRE_MESSAGE(shows(id), "no widget \"" << id << "\" on screen " << int(state().screen));
  REQUIRE(ui.tap(id, draw));
  app->apply_taps(now);
  settle();
}

void TechnicianHarness::type(const std::string& keys) {
  for (char c : keys) tap(std::string("key.") + c);
}

void TechnicianHarness::wait_ms(EpochMs ms) {
  now += ms;
  settle();
}

void TechnicianHarness::log_in(const std::string& name_keys, const std::string& pin) {
  tap("login.name");
  type(name_keys);
  tap("login.pin");
  type(pin);
  tap("login.submit");
}

}  // namespace kiosk::test
