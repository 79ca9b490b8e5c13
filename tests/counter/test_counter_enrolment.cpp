// The counter console's enrolment with a real store node over TLS, headless:
// not enrolled → the enrol screen; a code typed on its keypad → the node's
// fingerprint, then the login; a wrong code's refusal; staff revoking the
// device → the enrol screen saying so (its enrolment forgotten); a node with
// another key behind the pin → the wrong-server screen, and "Enrol again".
#include <doctest/doctest.h>

#include "counter_harness.h"
#include "enrolled_device.h"
#include "http/key_pin.h"

using namespace kiosk;
using kiosk::test::CounterHarness;

namespace {

void not_enrolled(counter::CounterAppConfig& config) { config.enrolment.reset(); }

void type_code(CounterHarness& h, const std::string& code) {
  h.type(code);
  h.tap("enrol.submit");
}

}  // namespace

TEST_CASE("a counter that is not enrolled shows the enrol screen; a code typed enrols it") {
  CounterHarness h(1, counter::Language::En, std::nullopt, not_enrolled);
  CHECK(h.shows("enrol.submit"));
  CHECK_FALSE(h.shows("login.submit"));
  CHECK(h.state().device.standing == kit::DeviceStanding::NotEnrolled);

  type_code(h, "000000");
  CHECK(h.state().device.refusal == "enrol-code-wrong");
  CHECK(h.shows("enrol.submit"));

  type_code(h, h.node.enrol_code("Counter 1"));
  CHECK(kit::enrolled(h.state().device));
  CHECK(h.state().device.fingerprint == http::fingerprint_of_pin(h.node.pin));
  CHECK_FALSE(h.shows("login.submit"));  // the fingerprint first, for staff to compare
  h.wait_ms(kit::kFingerprintShownMs);
  CHECK(h.shows("login.submit"));
  CHECK_FALSE(h.state().services.empty());  // the queue, as the new device
  Result<std::optional<remote::NodeEnrolment>> saved = remote::load_enrolment(h.device_dir.path(), h.node.url());
  REQUIRE(saved.ok());
  CHECK(saved.value().has_value());
  h.log_in();
  CHECK(h.app->texts().missing_keys().empty());
  CHECK(h.ui.fonts().missing_characters().empty());
}

TEST_CASE("a revoked counter goes back to the enrol screen and says why") {
  CounterHarness h(1, counter::Language::Zh);
  test::save_fixture_enrolment(h.node, h.device_dir.path());
  h.log_in();
  DeviceBook book(*h.node.store.store, h.node.store.clock);
  Result<std::vector<EnrolledDevice>> devices = book.list();
  REQUIRE(devices.ok());
  for (const EnrolledDevice& device : devices.value()) REQUIRE(book.revoke(device.id).ok());
  h.tap("act.call");  // refused: device-revoked
  CHECK(h.state().device.standing == kit::DeviceStanding::NotEnrolled);
  CHECK(h.state().device.refusal == "device-revoked");
  CHECK(h.state().staff_name.empty());
  CHECK(h.shows("enrol.submit"));
  CHECK_FALSE(remote::load_enrolment(h.device_dir.path(), h.node.url()).value().has_value());
  type_code(h, h.node.enrol_code());
  h.wait_ms(kit::kFingerprintShownMs);
  CHECK(h.shows("login.submit"));
}

TEST_CASE("a node with another key behind the pinned address: the wrong-server screen, then enrol again") {
  test::NodeFixture other;  // a second node: another key
  CounterHarness h(1, counter::Language::En, std::nullopt,
                   [&](counter::CounterAppConfig& config) { config.enrolment->node_pin = other.pin; });
  CHECK(h.state().device.standing == kit::DeviceStanding::WrongServer);  // the first /queue was refused
  CHECK(h.shows("enrol.again"));
  CHECK_FALSE(h.shows("login.submit"));
  CHECK(remote::load_enrolment(h.device_dir.path(), h.node.url()).ok());
  h.tap("enrol.again");
  CHECK(h.shows("enrol.submit"));
  type_code(h, h.node.enrol_code());
  h.wait_ms(kit::kFingerprintShownMs);
  CHECK(h.shows("login.submit"));
  CHECK(remote::load_enrolment(h.device_dir.path(), h.node.url()).value()->node_pin == h.node.pin);
}
