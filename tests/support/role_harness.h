// Any role's app (app/role_shell.h) as the headless tests drive it: the real
// reducer, the real worker threads, the real screens in a headless ImGui with
// the real fonts, and a finger (or keyboard) acting by widget id. Time is the
// test's: each tap happens a second after the last. A role's harness (e.g.
// tests/counter/counter_harness.h) adds its fixture (a store, a store node)
// and its own shortcuts such as logging in.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "core/clock.h"
#include "ui/headless_ui.h"

namespace kiosk::test {

template <class App>
class RoleHarness {
 public:
  explicit RoleHarness(const ui::HeadlessConfig& config) : ui(config) {}

  // Takes the app, gives its texts (and the huge font's ticket characters) to
  // the atlas and lets its first answers arrive.
  void start(std::unique_ptr<App> started, EpochMs at) {
    app = std::move(started);
    now = at;
    ui.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
    draw = [this](ui::TouchUi& touch) { app->draw(touch, now); };
    settle();
  }

  // Taps the widget `id` (REQUIREs that it is on screen), then lets the workers answer.
  void tap(const std::string& id) {
    now += 1000;
    app->update(now);
    draw_frame();
    app->apply_taps(now);
    REQUIRE_MESSAGE(shows(id), "no widget \"" << id << "\" on screen " << int(app->state().screen));
    REQUIRE(ui.tap(id, draw));
    app->apply_taps(now);
    settle();
  }
  // Two taps on `id` 80 ms apart, as a double tap.
  void double_tap(const std::string& id) {
    now += 1000;
    draw_frame();
    REQUIRE(ui.tap(id, draw));
    app->apply_taps(now);
    now += 80;
    if (shows(id)) REQUIRE(ui.tap(id, draw));
    app->apply_taps(now);
    settle();
  }
  // Taps each key of `keys` ("key.<c>") in turn.
  void type(const std::string& keys) {
    for (char c : keys) tap(std::string("key.") + c);
  }
  // Holds the GLFW key `key` down for one frame, then lets the workers answer.
  void press(int key) {
    now += 1000;
    ImGui::GetIO().KeysDown[key] = true;
    draw_frame();
    ImGui::GetIO().KeysDown[key] = false;
    app->apply_taps(now);
    draw_frame();
    app->apply_taps(now);
    settle();
  }
  // Types `utf8` on the physical keyboard (ImGui's typed characters) in one frame.
  void type_text(const std::string& utf8) {
    now += 1000;
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    draw_frame();
    app->apply_taps(now);
    draw_frame();
    app->apply_taps(now);
    settle();
  }
  bool shows(const std::string& id) const { return ui.widgets().find(id).has_value(); }
  // Moves the app's clock on and lets it refresh, retry, and the workers answer.
  void wait_ms(EpochMs ms) {
    now += ms;
    settle();
  }
  // Draws until the workers have answered everything (answers that ask for more included).
  void settle() {
    for (int round = 0; round < 50; ++round) {
      for (int i = 0; i < 2500 && !app->worker_idle(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      REQUIRE(app->worker_idle());
      app->update(now);
      draw_frame();
      app->apply_taps(now);
      if (app->worker_idle() && !app->answers_waiting()) return;
    }
    FAIL("the app kept asking its workers for more");
  }
  // Vertices drawn in the last frame in colour `colour` (e.g. a highlight).
  int vertices_in(ImU32 colour) const {
    const ImDrawData* data = ImGui::GetDrawData();
    int count = 0;
    for (int l = 0; data && l < data->CmdListsCount; ++l)
      for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) count += v.col == colour;
    return count;
  }

  EpochMs now = 0;
  ui::HeadlessUi ui;
  std::unique_ptr<App> app;

 private:
  // What the app declares it may show goes to the atlas before each frame, so
  // words arriving from a worker draw at once (tests count fallback glyphs).
  void draw_frame() {
    for (const std::string& text : app->texts_to_show()) ui.fonts().add_text(text);
    ui.frame(draw);
  }

  ui::DrawFn draw;
};

}  // namespace kiosk::test
