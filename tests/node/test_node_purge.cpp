// The owning process's scheduled purge (kiosk/node/store_purge): it runs at
// start and then every interval on a store file, erases the personal fields
// of requests closed long enough ago, keeps the rest, and stops at once.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "node/job_fixture.h"
#include "node/store_purge.h"

using namespace kiosk;
using kiosk::test::JobNode;
using S = RequestState;

namespace {

bool eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

void close_job(JobNode& node, const Request& r) {
  TransitionRequest t;
  t.code = r.code;
  t.to = S::Closed;
  t.actor = "dispatcher";
  REQUIRE(node.book.transition(t).ok());
}

}  // namespace

TEST_CASE(
    "the scheduled purge erases closed requests' personal data once they are old enough, and runs again each "
    "interval") {
  JobNode node;
  const Request old_one = node.job("Zhang", S::Done, "13911112222");
  const Request recent = node.job("Zhang", S::Done, "13933334444");
  const Request open_one = node.job("Zhao", S::OnSite, "13955556666");
  close_job(node, old_one);
  node.store.clock.advance_s(31 * 86400);
  close_job(node, recent);

  node::StorePurge purge(node.store.dir.path(), node.store.clock, {30, std::chrono::milliseconds(50)});
  const auto start = std::chrono::steady_clock::now();
  purge.start();
  REQUIRE(eventually([&] { return purge.purged() == 1; }));
  CHECK(node.sql_text("SELECT phone FROM request WHERE code = '" + old_one.code + "'").empty());
  CHECK(node.sql_text("SELECT state FROM request WHERE code = '" + old_one.code + "'") == "closed");
  CHECK(node.sql_text("SELECT phone FROM request WHERE code = '" + recent.code + "'") == "13933334444");
  CHECK(node.sql_text("SELECT phone FROM request WHERE code = '" + open_one.code + "'") == "13955556666");

  node.store.clock.advance_s(30 * 86400);  // the recent one comes of age: the next run takes it
  REQUIRE(eventually([&] { return purge.purged() == 2; }));
  CHECK(node.sql_text("SELECT phone FROM request WHERE code = '" + recent.code + "'").empty());
  CHECK(node.sql_text("SELECT phone FROM request WHERE code = '" + open_one.code + "'") == "13955556666");
  purge.stop();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
}

TEST_CASE("a purge scheduled every hour stops at once") {
  JobNode node;
  node::StorePurge purge(node.store.dir.path(), node.store.clock);
  purge.start();
  REQUIRE(eventually([&] { return node.sql_text("SELECT 1") == "1"; }));
  const auto start = std::chrono::steady_clock::now();
  purge.stop();
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(purge.purged() == 0);
}
