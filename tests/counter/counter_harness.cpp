// CounterHarness: the console on the fixture's node, and logging in.
#include "counter_harness.h"

#include "app/role_runner.h"
#include "enrolled_device.h"
#include "support/kiosk_texts.h"

namespace kiosk::test {
namespace {

ui::HeadlessConfig headless_config() {
  ui::HeadlessConfig config;
  config.font_scale = app::staff_font_scale();
  return config;
}

}  // namespace

CounterHarness::CounterHarness(int counter, counter::Language language, std::optional<printer::PrinterTarget> printer,
                               const Adjust& adjust)
    : RoleHarness(headless_config()) {
  counter::CounterAppConfig config;
  config.store_url = node.url();
  config.data_dir = device_dir.path();
  config.enrolment = fixture_enrolment(node);
  config.counter = counter;
  config.language = language;
  config.printer = std::move(printer);
  if (adjust) adjust(config);
  const EpochMs at = SystemClock().now_ms();
  start(std::make_unique<counter::CounterApp>(counter::CounterRole{config, kiosk_texts()}, at, [] {}), at);
}

void CounterHarness::log_in() {
  tap("login.name");
  type("LI");
  tap("login.pin");
  type("2580");
  tap("login.submit");
  REQUIRE(state().staff_name == "Li");
}

}  // namespace kiosk::test
