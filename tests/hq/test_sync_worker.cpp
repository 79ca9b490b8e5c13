// The store's sync worker on its own thread, against a real hq over libcurl:
// it drains a backlog, picks up new writes when nudged, waits out an outage
// with backoff and catches up when hq is back, and stops at once when asked;
// HQ learns the store's health, with the worker's start, from its rounds.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "hq/hq_fixture.h"
#include "http/sync_transport.h"
#include "queue/queue_engine.h"
#include "store/store_db.h"
#include "sync/sync_worker.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

SyncWorker::TransportFactory curl_transport() {
  return [](const SyncConfig& config) -> std::unique_ptr<SyncTransport> {
    return std::make_unique<http::HttpSyncTransport>(config.hq_url, config.device_token);
  };
}

// Waits (bounded) until the store has nothing pending; false on timeout.
bool drained(const std::string& data, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    const CtlReply status = kioskctl(data, {"status"});
    if (status.body["sync"]["pending"] == 0 && !status.body["sync"]["last_sync_at"].is_null()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace

TEST_CASE("the sync worker drains the outbox, follows new writes, rides out an outage and stops at once") {
  HqFixture hq;
  hq.start();
  const std::string data = hq.dir.file("store");
  REQUIRE(kioskctl(data, {"init", "--store", "S1"}).exit_code == 0);
  REQUIRE(kioskctl(data, {"hq", "set", "--url", hq.url(), "--token", hq.add_device("S1")}).exit_code == 0);
  for (int i = 0; i < 20; ++i) REQUIRE(kioskctl(data, {"issue", "--service", "A"}).exit_code == 0);

  SystemClock clock;
  SyncWorkerOptions options;
  options.interval = std::chrono::seconds(60);  // only nudges and backoff bring rounds sooner
  options.nudge_delay = std::chrono::milliseconds(50);
  options.round.backoff_base = std::chrono::milliseconds(100);
  options.round.backoff_cap = std::chrono::milliseconds(400);
  std::atomic<int> rounds{0}, failed{0};
  SyncWorker worker(data, clock, curl_transport(), options, [&](const SyncRoundReport& report) {
    ++rounds;
    if (!report.complete) ++failed;
  });
  worker.start();
  const EpochMs worker_made_at = clock.now_ms();
  REQUIRE(drained(data, std::chrono::seconds(20)));
  CHECK(hq.exported("S1", "tickets").size() == 20);
  // Its rounds report the store's health, as of a process started with the worker.
  const HqCommand stores = hq.hq({"stores"});
  REQUIRE(stores.exit_code == 0);
  const Json& health = stores.lines.at(0)["health"];
  REQUIRE(health.is_object());
  CHECK(std::abs(health["started_at"].get<std::int64_t>() - worker_made_at) < 5000);
  CHECK(health["integrity"] == "ok");

  // New writes, then a nudge: the worker syncs well before its 60 s interval.
  for (int i = 0; i < 5; ++i) REQUIRE(kioskctl(data, {"issue", "--service", "B"}).exit_code == 0);
  worker.nudge();
  REQUIRE(drained(data, std::chrono::seconds(20)));
  CHECK(hq.exported("S1", "tickets").size() == 25);

  // HQ goes away; writes go on; the worker fails, backs off, and catches up.
  hq.stop();
  for (int i = 0; i < 5; ++i) REQUIRE(kioskctl(data, {"issue", "--service", "A"}).exit_code == 0);
  worker.nudge();
  const auto outage_end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (failed.load() < 2 && std::chrono::steady_clock::now() < outage_end)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(failed.load() >= 2);  // retried on its own, without a nudge
  hq.start();
  REQUIRE(drained(data, std::chrono::seconds(20)));
  CHECK(hq.exported("S1", "tickets").size() == 30);

  // Stopping ends the 60 s wait at once.
  const auto before = std::chrono::steady_clock::now();
  worker.stop();
  CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(2));
  MESSAGE(rounds.load() << " rounds, " << failed.load() << " failed during the outage");
}
