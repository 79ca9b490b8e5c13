// The counter console as the headless tests drive it (support/role_harness.h)
// against a real store node on 127.0.0.1 (tests/node/node_fixture.h: counters
// 1-3 open for A and B, staff "Li" PIN 2580), with the real worker and
// StoreNodeClient.
#pragma once

#include <optional>

#include "counter/counter_app.h"
#include "node/node_fixture.h"
#include "printer/printer_port.h"
#include "support/role_harness.h"

namespace kiosk::test {

// The node comes first, so it outlives the console (and its open connection).
struct WithStoreNode {
  NodeFixture node;
};

class CounterHarness : public WithStoreNode, public RoleHarness<counter::CounterApp> {
 public:
  explicit CounterHarness(int counter = 1, counter::Language language = counter::Language::Zh,
                          std::optional<printer::PrinterTarget> printer = std::nullopt);

  // Logs in as Li at this counter (the login screen must show).
  void log_in();
  const counter::CounterState& state() const { return app->state(); }
};

}  // namespace kiosk::test
