// A counter's or display's enrolment with a NodeFixture for the role tests:
// the fixture's own enrolled device (its token and the node's pin), as
// remote::NodeEnrolment, and written to a data directory as --data expects it.
#pragma once

#include <string>

#include "node/node_fixture.h"
#include "remote/node_enrolment.h"

namespace kiosk::test {

remote::NodeEnrolment fixture_enrolment(const NodeFixture& node);
// Saves fixture_enrolment(node) in `data_dir` (DATA/node-device.json).
void save_fixture_enrolment(const NodeFixture& node, const std::string& data_dir);

}  // namespace kiosk::test
