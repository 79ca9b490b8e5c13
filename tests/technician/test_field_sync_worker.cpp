// The tablet's sync thread (shared/field/field_sync_worker.h) on a real
// technician.db with HQ scripted in the process: a round at start and then
// every interval, a nudge's round after its delay and Sync now's at once,
// Retry-After honoured even when asked, a request HQ calls wrong tried again
// only after the rejected interval, a revoked tablet wiped and then left
// alone, a tablet not set up costing no request, and stop() ending a wait at
// once, a round after the request on the wire, and a libcurl request HQ never
// answers (a stalled link) at once. Times are checked from below (never "fast
// enough"), but for stop()'s: 10 s at most, where without it the wait would
// be libcurl's 15 s low-speed limit (or an hour); other upper bounds are
// generous timeouts.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "http/sync_transport.h"
#include "tablet_fixture.h"

using namespace kiosk;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

namespace {

// What the observer saw: each round's report and when it ended.
struct Rounds {
  struct Round {
    FieldSyncReport report;
    steady::time_point at;
  };
  FieldSyncWorker::RoundObserver observer() {
    return [this](const FieldSyncReport& report, FieldDb&) {
      std::lock_guard lock(mutex);
      seen.push_back({report, steady::now()});
      changed.notify_all();
    };
  }
  // Waits (10 s at most) until `n` rounds were reported.
  bool wait_for(std::size_t n) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 10s, [&] { return seen.size() >= n; });
  }
  std::size_t count() {
    std::lock_guard lock(mutex);
    return seen.size();
  }
  Round at(std::size_t i) {
    std::lock_guard lock(mutex);
    return seen.at(i);
  }
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<Round> seen;
};

// HQ's address taking connections and never answering (a link that stalls),
// on 127.0.0.1 until the test ends; counts the connections it took.
class StalledHq {
 public:
  StalledHq() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t size = sizeof address;
    REQUIRE(getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    port_ = ntohs(address.sin_port);
    REQUIRE(listen(listener_, 4) == 0);
    thread_ = std::thread([this] {
      while (!done_) {
        pollfd ready{listener_, POLLIN, 0};
        if (poll(&ready, 1, 50) == 1) {
          held_.push_back(accept(listener_, nullptr, nullptr));
          ++accepted_;
        }
      }
    });
  }
  ~StalledHq() {
    done_ = true;
    thread_.join();
    for (int fd : held_) close(fd);
    close(listener_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_; }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::vector<int> held_;
  std::atomic<int> accepted_{0};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

FieldSyncWorkerOptions quiet() {  // rounds only when asked
  FieldSyncWorkerOptions options;
  options.first_round_after = 1h;
  options.interval = 1h;
  options.nudge_delay = 1h;
  return options;
}

}  // namespace

TEST_CASE("a round at start, then one every interval while they go through") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  Rounds rounds;
  FieldSyncWorkerOptions options;
  options.interval = 100ms;
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), options, rounds.observer());
  worker.start();
  REQUIRE(rounds.wait_for(3));
  worker.stop();
  CHECK(rounds.at(0).report.complete);
  CHECK_FALSE(rounds.at(0).report.error);
  CHECK(rounds.at(2).at - rounds.at(1).at >= 90ms);
  CHECK(t.text("SELECT last_sync_at IS NOT NULL FROM device_config") == "1");
}

TEST_CASE("a nudge's round comes after the nudge delay; Sync now's at once") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  Rounds rounds;
  FieldSyncWorkerOptions options = quiet();
  options.nudge_delay = 300ms;
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), options, rounds.observer());
  worker.start();
  std::this_thread::sleep_for(50ms);
  CHECK(rounds.count() == 0);
  const steady::time_point nudged = steady::now();
  worker.nudge();
  REQUIRE(rounds.wait_for(1));
  CHECK(rounds.at(0).at - nudged >= 290ms);
  worker.sync_now();
  REQUIRE(rounds.wait_for(2));
  CHECK(rounds.at(1).report.complete);
}

TEST_CASE("HQ's Retry-After holds the next round back, even when asked for one") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  t.hq.answer_error(503, "busy", 1);
  Rounds rounds;
  FieldSyncWorkerOptions options = quiet();
  options.round.backoff_base = 1ms;  // the backoff alone would try again at once
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), options, rounds.observer());
  worker.start();
  worker.sync_now();
  REQUIRE(rounds.wait_for(1));
  CHECK(rounds.at(0).report.error);
  CHECK(rounds.at(0).report.retry_after_s == 1);
  worker.sync_now();
  REQUIRE(rounds.wait_for(2));
  CHECK(rounds.at(1).at - rounds.at(0).at >= 990ms);
}

TEST_CASE("a request HQ calls wrong waits the rejected interval, not the backoff") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  t.hq.answer_error(400, "bad-query");
  Rounds rounds;
  FieldSyncWorkerOptions options;
  options.interval = 1h;
  options.rejected_interval = 400ms;
  options.round.backoff_base = 1ms;
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), options, rounds.observer());
  worker.start();
  REQUIRE(rounds.wait_for(2));
  worker.stop();
  REQUIRE(rounds.at(0).report.error);
  CHECK_FALSE(rounds.at(0).report.refused);
  CHECK(rounds.at(1).at - rounds.at(0).at >= 390ms);
}

TEST_CASE("HQ revoking the tablet wipes it; the rounds after ask HQ nothing; not set up asks nothing either") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  t.hq.revoke();
  Rounds rounds;
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), quiet(), rounds.observer());
  worker.start();
  worker.sync_now();
  REQUIRE(rounds.wait_for(1));
  CHECK(rounds.at(0).report.wiped);
  CHECK(t.count("SELECT count(*) FROM job") == 0);
  const int requests = t.hq.requests();
  worker.sync_now();
  REQUIRE(rounds.wait_for(2));
  CHECK(rounds.at(1).report.requests == 0);
  CHECK(t.hq.requests() == requests);
  worker.stop();

  test::TabletFixture fresh;
  Rounds none;
  FieldSyncWorker unset(fresh.dir.path(), fresh.clock, fresh.hq.transport(), quiet(), none.observer());
  unset.start();
  unset.sync_now();
  REQUIRE(none.wait_for(1));
  REQUIRE(none.at(0).report.error);
  CHECK(none.at(0).report.error->code == "not-configured");
  CHECK(fresh.hq.requests() == 0);
}

TEST_CASE("stop() ends a wait at once, and a round after the request on the wire") {
  test::TabletFixture t;
  t.fill();
  t.hq.set_online(true);
  // Three requests would make the round: a step, its command, the feed.
  REQUIRE(t.book->take_step(StepInput{test::request_id(1), RequestState::OnTheWay, "", "", std::nullopt}).ok());
  t.hq.set_delay(300ms);
  Rounds rounds;
  FieldSyncWorker worker(t.dir.path(), t.clock, t.hq.transport(), quiet(), rounds.observer());
  worker.start();
  worker.sync_now();
  std::this_thread::sleep_for(100ms);  // the first request is on the wire
  worker.stop();
  CHECK(t.hq.requests() == 1);                                                     // the feed was not asked for
  CHECK(rounds.count() == 0);                                                      // a stopped round is not reported
  CHECK(t.count("SELECT count(*) FROM job_step WHERE outcome = 'applied'") == 1);  // the answer on the wire kept

  FieldSyncWorker waiting(t.dir.path(), t.clock, t.hq.transport(), quiet(), rounds.observer());
  waiting.start();
  std::this_thread::sleep_for(20ms);
  const steady::time_point asked = steady::now();
  waiting.stop();  // an hour's wait ends now
  CHECK(steady::now() - asked < 10s);
}

TEST_CASE("stop() abandons a libcurl request HQ never answers, well before its 15 s low-speed limit") {
  test::TabletFixture t;
  t.fill();
  StalledHq hq;
  REQUIRE(FieldLink(*t.field, t.clock).configure(hq.url(), std::string(64, 'a')).ok());
  Rounds rounds;
  const FieldSyncWorker::TransportFactory curl = [](const SyncConfig& config, const std::atomic<bool>& stopping) {
    return std::make_unique<http::HttpSyncTransport>(config.hq_url, config.device_token, &stopping);
  };
  FieldSyncWorker worker(t.dir.path(), t.clock, curl, quiet(), rounds.observer());
  worker.start();
  worker.sync_now();
  for (int i = 0; i < 500 && hq.accepted() == 0; ++i) std::this_thread::sleep_for(10ms);
  REQUIRE(hq.accepted() == 1);  // the round's first request is on the wire
  std::this_thread::sleep_for(200ms);
  const steady::time_point asked = steady::now();
  worker.stop();
  CHECK(steady::now() - asked < 10s);
  CHECK(rounds.count() == 0);
  CHECK(hq.accepted() == 1);  // nothing more went out
}
