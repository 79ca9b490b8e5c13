// A real `kiosk --role node` process: staff added with kioskctl, the API
// answering on 127.0.0.1, and SIGTERM ending it cleanly with exit code 0.
#include <doctest/doctest.h>

#include "http_server/tls_identity.h"
#include "node/node_fixture.h"
#include "support/child_process.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::ChildProcess;
using kiosk::test::CommandOutput;
using kiosk::test::run_command;
using kiosk::test::TempDir;
using nlohmann::json;

TEST_CASE("kiosk --role node serves the API and exits cleanly on SIGTERM") {
  TempDir dir;
  REQUIRE(run_command({KIOSKCTL_PATH, "--data", dir.path(), "init", "--store", "S1"}).exit_code == 0);
  REQUIRE(run_command({KIOSKCTL_PATH, "--data", dir.path(), "counter", "open", "--counter", "1", "--services", "A"})
              .exit_code == 0);
  REQUIRE(run_command({KIOSKCTL_PATH, "--data", dir.path(), "issue", "--service", "A"}).exit_code == 0);
  const CommandOutput added =
      run_command({KIOSKCTL_PATH, "--data", dir.path(), "staff", "add", "--name", "Li", "--pin", "2580"});
  REQUIRE(added.exit_code == 0);
  CHECK(json::parse(added.stdout_text)["role"] == "counter");
  CHECK(run_command({KIOSKCTL_PATH, "--data", dir.path(), "staff", "add", "--name", "Li", "--pin", "1"}).exit_code ==
        2);
  const CommandOutput listed = run_command({KIOSKCTL_PATH, "--data", dir.path(), "staff", "list"});
  CHECK(json::parse(listed.stdout_text)["staff"].size() == 1);
  CHECK(listed.stdout_text.find("2580") == std::string::npos);

  ChildProcess node({KIOSK_PATH, "--role", "node", "--data", dir.path(), "--listen", "127.0.0.1:0"});
  const std::optional<std::string> line = node.read_line(std::chrono::seconds(20));
  REQUIRE(line.has_value());
  const json listening = json::parse(*line);
  const std::string address = listening["listening"];
  const int port = std::stoi(address.substr(address.rfind(':') + 1));
  CHECK(address.rfind("127.0.0.1:", 0) == 0);
  CHECK(listening["pin"] == http_server::load_tls_identity(http_server::node_tls_dir(dir.path())).value().pin);

  ManualClock clock(test::test_day_start_ms());
  std::unique_ptr<StoreDb> store = StoreDb::open(dir.path()).value();
  DeviceBook devices(*store, clock);
  ApiClient client(port, devices.enrol(devices.issue_code("").value().code, DeviceKind::Counter, "c1").value().token);
  const kiosk::test::HttpAnswer login =
      client.post("/api/v1/login", json{{"name", "Li"}, {"pin", "2580"}, {"counter", 1}});
  REQUIRE(login.status == 200);
  client.token = login.body["token"];
  CHECK(client.post("/api/v1/counters/1/call").body["ticket"] == "A001");
  CHECK(client.get("/api/v1/events?after=0").body["events"].size() == 1);

  node.terminate();
  CHECK(node.wait() == 0);
}

TEST_CASE("kiosk --role node refuses a bad --listen and a missing store") {
  TempDir dir;
  CHECK(run_command({KIOSK_PATH, "--role", "node", "--data", dir.path(), "--listen", "nonsense"}).exit_code == 2);
  CHECK(run_command({KIOSK_PATH, "--role", "node", "--data", dir.path(), "--listen", "127.0.0.1:0"}).exit_code == 1);
}
