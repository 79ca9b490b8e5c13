// The fixture's enrolled device for the role tests (see enrolled_device.h).
#include "enrolled_device.h"

#include <stdexcept>

#include "http/key_pin.h"

namespace kiosk::test {

remote::NodeEnrolment fixture_enrolment(const NodeFixture& node) {
  return {.node_url = node.url(),
          .device_id = "fixture-device",
          .device_name = "Fixture counter",
          .token = node.device_token,
          .node_pin = node.pin,
          .fingerprint = http::fingerprint_of_pin(node.pin),
          .enrolled_at = 0};
}

void save_fixture_enrolment(const NodeFixture& node, const std::string& data_dir) {
  Result<Done> saved = remote::save_enrolment(data_dir, fixture_enrolment(node));
  if (!saved) throw std::runtime_error(saved.error().message);
}

}  // namespace kiosk::test
