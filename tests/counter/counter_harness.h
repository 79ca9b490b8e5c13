// The counter console as the headless tests drive it (support/role_harness.h)
// against a real store node on 127.0.0.1 (tests/node/node_fixture.h: counters
// 1-3 open for A and B, staff "Li" PIN 2580), with the real worker and
// StoreNodeClient, as the fixture's enrolled device (tests/remote/enrolled_device.h).
#pragma once

#include <functional>
#include <optional>

#include "counter/counter_app.h"
#include "node/node_fixture.h"
#include "printer/printer_port.h"
#include "support/role_harness.h"
#include "support/temp_dir.h"

namespace kiosk::test {

// The node comes first, so it outlives the console (and its open connection);
// the console keeps its enrolment in `device_dir`.
struct WithStoreNode {
  NodeFixture node;
  TempDir device_dir;
};

class CounterHarness : public WithStoreNode, public RoleHarness<counter::CounterApp> {
 public:
  // The console starts as the fixture's enrolled device; `adjust` may change
  // that (no enrolment: the enrol screen; another pin: a wrong server).
  using Adjust = std::function<void(counter::CounterAppConfig&)>;
  explicit CounterHarness(int counter = 1, counter::Language language = counter::Language::Zh,
                          std::optional<printer::PrinterTarget> printer = std::nullopt, const Adjust& adjust = {});

  // Logs in as Li at this counter (the login screen must show).
  void log_in();
  const counter::CounterState& state() const { return app->state(); }
};

}  // namespace kiosk::test
