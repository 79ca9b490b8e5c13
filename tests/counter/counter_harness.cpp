// CounterHarness: the console on the fixture's node, and logging in.
#include "counter_harness.h"

#include "app/role_runner.h"
#include "support/kiosk_texts.h"

namespace kiosk::test {
namespace {

ui::HeadlessConfig headless_config() {
  ui::HeadlessConfig config;
  config.font_scale = app::staff_font_scale();
  return config;
}

}  // namespace

CounterHarness::CounterHarness(int counter, counter::Language language, std::optional<printer::PrinterTarget> printer)
    : RoleHarness(headless_config()) {
  counter::CounterAppConfig config;
  config.store_url = "http://127.0.0.1:" + std::to_string(node.port);
  config.counter = counter;
  config.language = language;
  config.printer = std::move(printer);
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
