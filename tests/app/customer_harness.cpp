// CustomerHarness: frames, taps and waiting for the worker.
#include "customer_harness.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace kiosk::test {

app::Translations load_translations() {
  // Every file of assets/i18n/, as the kiosk loads them (the staff login's are in staff_login.json).
  Result<app::Translations> texts = app::Translations::load_directory(std::string(KIOSK_ASSETS_DIR) + "/i18n");
  REQUIRE_MESSAGE(texts.ok(), (texts.ok() ? "" : texts.error().message));
  return std::move(texts).value();
}

CustomerHarness::CustomerHarness(customer::Language language, std::optional<printer::PrinterTarget> printer)
    : store("Asia/Shanghai", SystemClock().now_ms()), now(store.clock.now_ms()) {
  customer::CustomerAppConfig config;
  config.data_dir = store.dir.path();
  config.store_id = store.store->store_id();
  config.language = language;
  config.printer = std::move(printer);
  app = std::make_unique<customer::CustomerApp>(config, load_translations(), now, [] {});
  for (const std::string& text : app->texts_to_show()) ui.fonts().add_text(text);
  ui.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
  draw = [this](ui::TouchUi& touch) { app->draw(touch, now); };
  settle();
}

void CustomerHarness::draw_frame() { ui.frame(draw); }

void CustomerHarness::settle() {
  for (int i = 0; i < 1000; ++i) {
    if (app->worker_idle()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(app->worker_idle());
  app->update(now);
  app->apply_taps(now);  // taps of frames drawn while settling
  draw_frame();
  app->apply_taps(now);
}

void CustomerHarness::tap(const std::string& id) {
  now += 1000;
  app->update(now);
  draw_frame();
  app->apply_taps(now);
  REQUIRE_MESSAGE(shows(id), "no widget \"" << id << "\" on screen " << int(state().screen));
  REQUIRE(ui.tap(id, draw));
  app->apply_taps(now);
  settle();
}

void CustomerHarness::double_tap(const std::string& id) {
  now += 1000;
  draw_frame();
  REQUIRE(ui.tap(id, draw));
  app->apply_taps(now);
  now += 80;
  if (shows(id)) REQUIRE(ui.tap(id, draw));
  app->apply_taps(now);
  settle();
}

void CustomerHarness::wait_ms(EpochMs ms) {
  now += ms;
  app->update(now);
  draw_frame();
}

}  // namespace kiosk::test
