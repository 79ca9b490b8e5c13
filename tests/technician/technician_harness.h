// The technician's device as the headless tests drive it: a real store node
// on 127.0.0.1 with technicians and jobs (tests/node/job_fixture.h: "Zhang"
// PIN 3690, "Zhao" PIN 4812), the real worker and StoreNodeClient, the real
// screens in a headless ImGui with the real fonts, and a finger tapping by
// widget id. The device's time is the test's: each tap a second after the last.
#pragma once

#include <memory>
#include <string>

#include "node/job_fixture.h"
#include "technician/technician_app.h"
#include "ui/headless_ui.h"

namespace kiosk::test {

class TechnicianHarness {
 public:
  explicit TechnicianHarness(technician::Language language = technician::Language::Zh);

  // Taps the widget `id` (REQUIREs that it is on screen), then lets the worker answer.
  void tap(const std::string& id);
  // Taps each key of `keys` ("key.<c>") in turn.
  void type(const std::string& keys);
  bool shows(const std::string& id) const { return ui.widgets().find(id).has_value(); }
  // Moves the device's clock on and lets it refresh, retry, and the worker answer.
  void wait_ms(EpochMs ms);
  // Draws until the worker has answered everything.
  void settle();
  // Logs in with this name and PIN from the login screen.
  void log_in(const std::string& name_keys = "ZHANG", const std::string& pin = "3690");
  const technician::TechnicianState& state() const { return app->state(); }

  JobNode node;
  EpochMs now;
  ui::HeadlessUi ui;
  std::unique_ptr<technician::TechnicianApp> app;

 private:
  void draw_frame();
  ui::DrawFn draw;
};

// The kiosk's texts (assets/i18n).
app::Translations technician_texts();

}  // namespace kiosk::test
