// The technician's device as the headless tests drive it
// (support/role_harness.h) against a real store node on 127.0.0.1 with
// technicians and jobs (tests/node/job_fixture.h: "Zhang" PIN 3690, "Zhao"
// PIN 4812), with the real worker and StoreNodeClient.
#pragma once

#include <string>

#include "node/job_fixture.h"
#include "support/role_harness.h"
#include "technician/technician_app.h"

namespace kiosk::test {

// The node comes first, so it outlives the device (and its open connection).
struct WithJobNode {
  JobNode node;
};

class TechnicianHarness : public WithJobNode, public RoleHarness<technician::TechnicianApp> {
 public:
  explicit TechnicianHarness(technician::Language language = technician::Language::Zh);

  // Logs in with this name and PIN from the login screen.
  void log_in(const std::string& name_keys = "ZHANG", const std::string& pin = "3690");
  const technician::TechnicianState& state() const { return app->state(); }
};

}  // namespace kiosk::test
