// The follower thread against a real store node: every call and recall made
// through the API (and by another process on the store file while the node is
// down) is posted and announced exactly once, in seq order, across a node
// stop and restart; start-up replays earlier calls without announcing them.
#include <doctest/doctest.h>

#include <mutex>
#include <thread>

#include "display/node_follower.h"
#include "display_harness.h"
#include "enrolled_device.h"
#include "support/temp_dir.h"

using namespace kiosk;
using namespace kiosk::display;

namespace {

class Recorder {
 public:
  Post post() {
    return [this](Action action) {
      std::lock_guard lock(mutex_);
      if (auto* events = std::get_if<EventsArrived>(&action)) {
        for (const CallEvent& e : events->events) (events->live ? live_ : history_).push_back(e);
        if (!events->live) ++replays_;
      }
      if (std::holds_alternative<NodeUnreachable>(action)) ++unreachable_;
      if (std::holds_alternative<QueueLoaded>(action)) ++queue_loads_;
      if (auto* answer = std::get_if<kit::EnrolAnswer>(&action))
        if (auto* refused = std::get_if<kit::DeviceRefused>(answer)) refusals_.push_back(refused->code);
    };
  }
  OnCall on_call() {
    return [this](const CallEvent& e) {
      std::lock_guard lock(mutex_);
      announced_.push_back(e);
    };
  }
  template <class F>
  auto with(F f) {
    std::lock_guard lock(mutex_);
    return f(*this);
  }
  bool wait_for(const std::function<bool(Recorder&)>& done, std::chrono::seconds limit = std::chrono::seconds(25)) {
    const auto give_up = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < give_up) {
      if (with(done)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  std::vector<CallEvent> live_, history_, announced_;
  int replays_ = 0, unreachable_ = 0, queue_loads_ = 0;
  std::vector<std::string> refusals_;  // the node's refusals of the device

 private:
  std::mutex mutex_;
};

std::vector<std::string> tickets(const std::vector<CallEvent>& events) {
  std::vector<std::string> out;
  for (const CallEvent& e : events) out.push_back(e.ticket + (e.recall ? "+" : "") + "@" + std::to_string(e.counter));
  return out;
}

}  // namespace

TEST_CASE("every call is posted and announced once, in order, across a node restart") {
  test::NodeFixture node;
  node.issue(30);
  test::ApiClient counter1 = node.staff_client("Li", "2580", 1);
  test::ApiClient counter2 = node.staff_client("Wang", "1470", 2);
  // Two calls before the display starts: replayed as history, never announced.
  std::vector<std::string> expected_history = {test::call_next(counter1, 1) + "@1",
                                               test::call_next(counter2, 2) + "@2"};

  Recorder log;
  test::TempDir device_dir;
  const NodeFollowerConfig config = test::fast_config(node, device_dir.path()).node;
  NodeFollower follower([&] { return follow_node(config, log.post(), log.on_call()); });
  REQUIRE(log.wait_for([](Recorder& r) { return r.replays_ == 1; }));

  std::vector<std::string> expected;
  for (int i = 0; i < 4; ++i)
    expected.push_back(test::call_next(i % 2 ? counter2 : counter1, i % 2 ? 2 : 1) + "@" +
                       std::to_string(i % 2 ? 2 : 1));
  REQUIRE(counter1.post("/api/v1/counters/1/recall").status == 200);
  expected.push_back(expected[2].substr(0, expected[2].find('@')) + "+@1");
  REQUIRE(log.wait_for([&](Recorder& r) { return r.live_.size() == expected.size(); }));

  // The node goes away; counters keep calling on the store file meanwhile.
  node.server->stop();
  REQUIRE(log.wait_for([](Recorder& r) { return r.unreachable_ > 0; }));
  for (int counter : {3, 1}) {
    if (counter == 1) REQUIRE(node.store.engine->finish(1, Outcome::Resolved).ok());
    Result<Ticket> called = node.store.engine->call_next(counter);
    REQUIRE(called.ok());
    expected.push_back(called.value().label + "@" + std::to_string(counter));
  }
  test::restart_node(node);
  for (int i = 0; i < 3; ++i) expected.push_back(test::call_next(counter2, 2) + "@2");

  REQUIRE(log.wait_for([&](Recorder& r) { return r.live_.size() >= expected.size(); }));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nothing more may come
  log.with([&](Recorder& r) {
    CHECK(tickets(r.history_) == expected_history);
    CHECK(tickets(r.live_) == expected);
    CHECK(tickets(r.announced_) == expected);
    for (std::size_t i = 1; i < r.live_.size(); ++i) CHECK(r.live_[i].seq > r.live_[i - 1].seq);
    CHECK(r.replays_ == 1);
    return 0;
  });
}

TEST_CASE("a node that is not there: unreachable is posted, retried with backoff, and found when it comes") {
  test::NodeFixture node;
  node.server->stop();
  Recorder log;
  test::TempDir device_dir;
  const NodeFollowerConfig config = test::fast_config(node, device_dir.path()).node;
  NodeFollower follower([&] { return follow_node(config, log.post(), log.on_call()); });
  REQUIRE(log.wait_for([](Recorder& r) { return r.unreachable_ >= 2; }));
  // Backoff: 1 s then 2 s, so at most a few tries in 2.5 s.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(log.with([](Recorder& r) { return r.unreachable_; }) <= 3);
  CHECK(log.with([](Recorder& r) { return r.queue_loads_; }) == 0);
  test::restart_node(node);
  REQUIRE(log.wait_for([](Recorder& r) { return r.replays_ == 1 && r.queue_loads_ > 0; }));
}

TEST_CASE("a revoked display is refused once, forgets its enrolment and asks nothing more") {
  test::NodeFixture node;
  test::TempDir device_dir;
  test::save_fixture_enrolment(node, device_dir.path());
  Recorder log;
  const NodeFollowerConfig config = test::fast_config(node, device_dir.path()).node;
  NodeFollower follower([&] { return follow_node(config, log.post(), log.on_call()); });
  REQUIRE(log.wait_for([](Recorder& r) { return r.replays_ == 1; }));
  DeviceBook book(*node.store.store, node.store.clock);
  Result<std::vector<EnrolledDevice>> devices = book.list();
  REQUIRE(devices.ok());
  for (const EnrolledDevice& device : devices.value()) REQUIRE(book.revoke(device.id).ok());
  REQUIRE(log.wait_for([](Recorder& r) { return !r.refusals_.empty(); }));
  const int loads = log.with([](Recorder& r) { return r.queue_loads_; });
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  log.with([&](Recorder& r) {
    CHECK(r.refusals_ == std::vector<std::string>{"device-revoked"});
    CHECK(r.queue_loads_ == loads);
    return 0;
  });
  CHECK_FALSE(remote::load_enrolment(device_dir.path(), node.url()).value().has_value());
}
