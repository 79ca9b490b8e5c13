// The counter console as the headless tests drive it: a real store node on
// 127.0.0.1 (tests/node/node_fixture.h: counters 1-3 open for A and B, staff
// "Li" PIN 2580), the real worker and StoreNodeClient, the real screens in a
// headless ImGui with the real fonts, and a finger (or keyboard) acting by
// widget id. The console's time is the test's: each tap a second after the last.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "counter/counter_app.h"
#include "node/node_fixture.h"
#include "printer/printer_port.h"
#include "ui/headless_ui.h"

namespace kiosk::test {

class CounterHarness {
 public:
  explicit CounterHarness(int counter = 1, counter::Language language = counter::Language::Zh,
                          std::optional<printer::PrinterTarget> printer = std::nullopt);

  // Taps the widget `id` (REQUIREs that it is on screen), then lets the worker answer.
  void tap(const std::string& id);
  // Taps each key of `keys` ("key.<c>") in turn.
  void type(const std::string& keys);
  // Holds the GLFW key `key` down for one frame, then lets the worker answer.
  void press(int key);
  // Types `utf8` on the physical keyboard (ImGui's typed characters) in one frame.
  void type_text(const std::string& utf8);
  bool shows(const std::string& id) const { return ui.widgets().find(id).has_value(); }
  // Moves the console's clock on and lets it refresh, retry, and the worker answer.
  void wait_ms(EpochMs ms);
  // Draws until the worker has answered everything.
  void settle();
  // Logs in as Li at this counter (the login screen must show).
  void log_in();
  const counter::CounterState& state() const { return app->state(); }
  // Vertices drawn in the last frame in colour `colour` (e.g. the over-target highlight).
  int vertices_in(ImU32 colour) const;

  NodeFixture node;
  EpochMs now;
  ui::HeadlessUi ui;
  std::unique_ptr<counter::CounterApp> app;

 private:
  void draw_frame();
  ui::DrawFn draw;
};

}  // namespace kiosk::test
