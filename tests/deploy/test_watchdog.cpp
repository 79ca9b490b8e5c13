// The kiosk's systemd watchdog, seen from a real unix datagram socket given as
// $NOTIFY_SOCKET (what systemd listens on): the customer kiosk under Xvfb sends
// READY=1 after its first frame, keeps pinging while idle (waiting for events),
// and stops pinging while its frame loop is blocked (KIOSK_TEST_HANG_FRAME_SECONDS,
// the documented test hook), then pings again when the loop runs again. The
// node role (no window) sends READY=1 once its API answers and pings while it
// goes on answering; stopped (SIGSTOP), it pings no more.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <string>

#include "notify_socket.h"
#include "support/child_process.h"
#include "support/test_store.h"
#include "support/xvfb_server.h"

namespace kiosk::test {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kWatchdogUsec = "400000";  // a ping every 200 ms

// A customer kiosk in a window on a private Xvfb, supervised through `notify`.
struct SupervisedKiosk {
  explicit SupervisedKiosk(int hang_seconds) : xvfb(1024, 768), notify(store.dir.file("notify.sock")) {
    setenv("NOTIFY_SOCKET", store.dir.file("notify.sock").c_str(), 1);
    setenv("WATCHDOG_USEC", kWatchdogUsec, 1);
    if (hang_seconds > 0) setenv("KIOSK_TEST_HANG_FRAME_SECONDS", std::to_string(hang_seconds).c_str(), 1);
    kiosk.emplace(std::vector<std::string>{KIOSK_PATH, "--config", store.dir.file("absent.toml"), "--role", "customer",
                                           "--data", store.dir.path(), "--windowed", "1024x768"});
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("KIOSK_TEST_HANG_FRAME_SECONDS");
  }
  ~SupervisedKiosk() {
    kiosk->terminate();
    kiosk->wait();
  }
  // Waits (at most 120 s: a loaded machine, a sanitizer build) for READY=1.
  bool ready() { return notify.wait_for("READY=1", Clock::now() + std::chrono::seconds(120)); }
  TestStore store;
  XvfbServer xvfb;
  NotifySocket notify;
  std::optional<ChildProcess> kiosk;
};

TEST_CASE("an idle kiosk keeps pinging the watchdog at half of WATCHDOG_USEC") {
  SupervisedKiosk session(0);
  REQUIRE(session.ready());
  const int pings = session.notify.count_pings(std::chrono::seconds(3));
  MESSAGE("pings in 3 s while idle: " << pings);
  CHECK(pings >= 5);   // 15 expected; a loaded machine may delay a few
  CHECK(pings <= 20);  // paced, not a busy loop
}

TEST_CASE("a kiosk whose frame loop is blocked stops pinging, and pings again once it runs") {
  SupervisedKiosk session(4);
  REQUIRE(session.ready());
  // The first frame's ping comes with READY=1; then the second frame sleeps 4 s.
  const int while_blocked = session.notify.count_pings(std::chrono::milliseconds(2500));
  MESSAGE("pings in 2.5 s while blocked: " << while_blocked);
  CHECK(while_blocked <= 1);
  const int after = session.notify.count_pings(std::chrono::seconds(4));
  MESSAGE("pings in the next 4 s: " << after);
  CHECK(after >= 3);
}

TEST_CASE("the store node is ready once its API answers, pings while it answers, and not while stopped") {
  TestStore store;
  NotifySocket notify(store.dir.file("notify.sock"));
  store.engine.reset();
  store.store.reset();
  setenv("NOTIFY_SOCKET", notify.path().c_str(), 1);
  setenv("WATCHDOG_USEC", kWatchdogUsec, 1);
  ChildProcess node({KIOSK_PATH, "--config", store.dir.file("absent.toml"), "--role", "node", "--data",
                     store.dir.path(), "--listen", "127.0.0.1:0"});
  unsetenv("NOTIFY_SOCKET");
  unsetenv("WATCHDOG_USEC");
  REQUIRE(node.read_line(std::chrono::seconds(60)).has_value());  // {"listening": ...}
  REQUIRE(notify.wait_for("READY=1", Clock::now() + std::chrono::seconds(60)));
  const int answering = notify.count_pings(std::chrono::seconds(3));
  MESSAGE("node pings in 3 s: " << answering);
  CHECK(answering >= 5);
  CHECK(answering <= 20);
  REQUIRE(::kill(node.pid(), SIGSTOP) == 0);
  (void)notify.count_pings(std::chrono::milliseconds(300));  // one may have been on its way
  CHECK(notify.count_pings(std::chrono::seconds(2)) == 0);
  REQUIRE(::kill(node.pid(), SIGCONT) == 0);
  CHECK(notify.count_pings(std::chrono::seconds(3)) >= 3);
  node.terminate();
  CHECK(node.wait() == 0);
}

}  // namespace
}  // namespace kiosk::test
