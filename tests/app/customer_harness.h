// The customer kiosk as the flow tests drive it: a real store file, the real
// worker thread, the real screens in a headless ImGui with the real fonts,
// and a finger that taps widgets by id. Time is the test's: each tap happens
// a second after the last.
#pragma once

#include <string>

#include "customer/customer_app.h"
#include "support/test_store.h"
#include "ui/headless_ui.h"

namespace kiosk::test {

app::Translations load_translations();

class CustomerHarness {
 public:
  explicit CustomerHarness(customer::Language language = customer::Language::Zh,
                           std::optional<printer::PrinterTarget> printer = std::nullopt);

  // Taps the widget `id` (REQUIREs that it is on screen), then lets the
  // worker finish and applies its answers.
  void tap(const std::string& id);
  // Two taps on `id` 80 ms apart, as a double tap.
  void double_tap(const std::string& id);
  bool shows(const std::string& id) const { return ui.widgets().find(id).has_value(); }
  // Moves the clock on and lets the app notice.
  void wait_ms(EpochMs ms);
  // Draws until the worker has answered everything.
  void settle();
  const customer::CustomerState& state() const { return app->state(); }

  // The store's clock starts at the real time: the worker thread reads the
  // system clock (recent visits, business day), so the two must agree.
  TestStore store;
  EpochMs now;
  ui::HeadlessUi ui;
  std::unique_ptr<customer::CustomerApp> app;

 private:
  void draw_frame();
  ui::DrawFn draw;
};

}  // namespace kiosk::test
