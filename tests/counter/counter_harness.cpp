// CounterHarness: frames, taps, keys and waiting for the worker.
#include "counter_harness.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/translations.h"

namespace kiosk::test {
namespace {

ui::HeadlessConfig headless_config() {
  ui::HeadlessConfig config;
  config.font_scale = counter::counter_font_scale();
  return config;
}

app::Translations translations() {
  Result<app::Translations> texts = app::Translations::load_directory(std::string(KIOSK_ASSETS_DIR) + "/i18n");
  REQUIRE_MESSAGE(texts.ok(), (texts.ok() ? "" : texts.error().message));
  return std::move(texts).value();
}

}  // namespace

CounterHarness::CounterHarness(int counter, counter::Language language, std::optional<printer::PrinterTarget> printer)
    : now(SystemClock().now_ms()), ui(headless_config()) {
  counter::CounterAppConfig config;
  config.store_url = "http://127.0.0.1:" + std::to_string(node.port);
  config.counter = counter;
  config.language = language;
  config.printer = std::move(printer);
  app = std::make_unique<counter::CounterApp>(config, translations(), now, [] {});
  for (const std::string& text : app->texts_to_show()) ui.fonts().add_text(text);
  ui.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
  draw = [this](ui::TouchUi& touch) { app->draw(touch, now); };
  settle();
}

void CounterHarness::draw_frame() { ui.frame(draw); }

void CounterHarness::settle() {
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 2000 && !app->worker_idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(app->worker_idle());
    app->update(now);
    draw_frame();
    app->apply_taps(now);
    if (app->worker_idle() && !app->answers_waiting()) return;
  }
  FAIL("the console kept asking the node for more");
}

void CounterHarness::tap(const std::string& id) {
  now += 1000;
  app->update(now);
  draw_frame();
  app->apply_taps(now);
  REQUIRE_MESSAGE(shows(id), "no widget \"" << id << "\" on screen " << int(state().screen));
  REQUIRE(ui.tap(id, draw));
  app->apply_taps(now);
  settle();
}

void CounterHarness::type(const std::string& keys) {
  for (char c : keys) tap(std::string("key.") + c);
}

void CounterHarness::press(int key) {
  now += 1000;
  ImGui::GetIO().KeysDown[key] = true;
  draw_frame();
  ImGui::GetIO().KeysDown[key] = false;
  app->apply_taps(now);
  draw_frame();
  app->apply_taps(now);
  settle();
}

void CounterHarness::type_text(const std::string& utf8) {
  now += 1000;
  ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
  draw_frame();
  app->apply_taps(now);
  draw_frame();
  app->apply_taps(now);
  settle();
}

void CounterHarness::wait_ms(EpochMs ms) {
  now += ms;
  settle();
}

void CounterHarness::log_in() {
  tap("login.name");
  type("LI");
  tap("login.pin");
  type("2580");
  tap("login.submit");
  REQUIRE(state().staff_name == "Li");
}

int CounterHarness::vertices_in(ImU32 colour) const {
  const ImDrawData* data = ImGui::GetDrawData();
  int count = 0;
  for (int l = 0; data && l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) count += v.col == colour;
  return count;
}

}  // namespace kiosk::test
