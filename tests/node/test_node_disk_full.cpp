// The store node and kioskctl on a full store disk (support/small_disk.h): a
// counter's call is answered 503 disk-full with Retry-After 30 and goes
// through once there is room; kioskctl says it in words and exits 1
// (docs/reliability.md).
#include <doctest/doctest.h>

#include "node/node_fixture.h"
#include "support/child_process.h"
#include "support/small_disk.h"

using namespace kiosk;
using kiosk::test::ApiClient;
using kiosk::test::HttpAnswer;
using kiosk::test::NodeFixture;
using kiosk::test::SmallDisk;
using json = nlohmann::json;

namespace {

constexpr std::int64_t kDiskBytes = 16 << 20;

// A WAL of no length, so the next write needs new blocks, then every free byte taken.
void fill(SmallDisk& disk, StoreDb& store) {
  store.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  disk.fill();
}

}  // namespace

TEST_CASE("a counter's call on a full store disk: 503 disk-full, Retry-After 30; after room, 200") {
  SmallDisk disk(kDiskBytes);
  NodeFixture node({}, disk.file("store"));
  node.issue(2);
  ApiClient counter = node.staff_client("Li", "2580", 1);
  fill(disk, *node.store.store);

  const HttpAnswer refused = counter.post("/api/v1/counters/1/call");
  CHECK(refused.status == 503);
  CHECK(refused.body["error"]["code"] == "disk-full");
  CHECK(refused.body["error"]["message"].get<std::string>().find("disk is full") != std::string::npos);
  CHECK(refused.header("Retry-After") == "30");

  disk.make_room();
  const HttpAnswer called = counter.post("/api/v1/counters/1/call");
  CHECK(called.status == 200);
  CHECK(called.body["ticket"] == "B001");  // the priority ticket issued first (NodeFixture::issue)
}

TEST_CASE("kioskctl issue on a full disk prints the words and the code and exits 1; after room it issues") {
  SmallDisk disk(kDiskBytes);
  const std::string data_dir = disk.file("store");
  using kiosk::test::run_command;
  REQUIRE(run_command({KIOSKCTL_PATH, "--data", data_dir, "init", "--store", "S1"}).exit_code == 0);
  REQUIRE(run_command({KIOSKCTL_PATH, "--data", data_dir, "counter", "open", "--counter", "1", "--services", "A"})
              .exit_code == 0);
  disk.fill();  // kioskctl's connections are closed: no WAL is left to write into

  const kiosk::test::CommandOutput refused =
      run_command({KIOSKCTL_PATH, "--data", data_dir, "issue", "--service", "A"});
  CHECK(refused.exit_code == 1);
  const json said = json::parse(refused.stdout_text, nullptr, false);
  CHECK(said.value("code", "") == "disk-full");
  CHECK(said.value("error", "").find("The store's disk is full: nothing was saved") != std::string::npos);

  disk.make_room();
  const kiosk::test::CommandOutput issued = run_command({KIOSKCTL_PATH, "--data", data_dir, "issue", "--service", "A"});
  CHECK(issued.exit_code == 0);
  CHECK(json::parse(issued.stdout_text)["ticket"] == "A001");
}
