// TechnicianHarness: the device on the fixture's node, and logging in.
#include "technician_harness.h"

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

TechnicianHarness::TechnicianHarness(technician::Language language) : RoleHarness(headless_config()) {
  technician::TechnicianAppConfig config;
  config.store_url = "http://127.0.0.1:" + std::to_string(node.port);
  config.language = language;
  const EpochMs at = SystemClock().now_ms();
  start(std::make_unique<technician::TechnicianApp>(technician::TechnicianRole{config, kiosk_texts()}, at, [] {}), at);
}

void TechnicianHarness::log_in(const std::string& name_keys, const std::string& pin) {
  tap("login.name");
  type(name_keys);
  tap("login.pin");
  type(pin);
  tap("login.submit");
}

}  // namespace kiosk::test
