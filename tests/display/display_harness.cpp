// The display tests' shared helpers (see display_harness.h).
#include "display_harness.h"

#include <stdexcept>
#include <thread>

#include "core/clock.h"
#include "enrolled_device.h"

namespace kiosk::test {

std::string node_url(const NodeFixture& node) { return node.url(); }

void restart_node(NodeFixture& node) {
  node.server->stop();
  node.server.reset();
  node::StoreNodeConfig config;
  config.data_dir = node.store.dir.path();
  config.listen = {"127.0.0.1", node.port};
  config.staff = node.policy;
  node.server = std::make_unique<node::StoreNodeServer>(config, node.store.clock);
  Result<int> bound = node.server->start();
  if (!bound) throw std::runtime_error("restart: " + bound.error().message);
}

std::string call_next(ApiClient& counter_client, int counter) {
  const std::string base = "/api/v1/counters/" + std::to_string(counter);
  const nlohmann::json finish{{"outcome", "resolved"}};
  // 409 when nothing to finish; 0 when the client's kept TLS connection died with a restarted node: once more
  if (counter_client.post(base + "/finish", finish).status == 0) counter_client.post(base + "/finish", finish);
  HttpAnswer called = counter_client.post(base + "/call");
  if (called.status != 200) throw std::runtime_error("call failed: " + called.body.dump());
  return called.body["ticket"].get<std::string>();
}

bool pump_until(display::DisplayApp& app, const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto give_up = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < give_up) {
    app.update(SystemClock().now_ms());
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return false;
}

display::DisplayAppConfig fast_config(const NodeFixture& node, const std::string& data_dir) {
  display::DisplayAppConfig config;
  config.node.store_url = node_url(node);
  config.node.data_dir = data_dir;
  config.node.enrolment = fixture_enrolment(node);
  config.node.poll_wait_s = 1;  // the app's destructor waits for the poll in progress
  return config;
}

}  // namespace kiosk::test
