// The node role's main loop: block the stop signals before any thread starts,
// run the node (running_node.h: serve, sync with HQ, purge personal data
// hourly), wait for a signal, stop cleanly. Under systemd
// (kiosk-node.service, Type=notify) the node asks its own API for its health
// (a read of the queue), pinned to its own key, before each watchdog ping: a node whose server or database hangs stops
// pinging and is restarted.
#include "node/node_role.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>

#include "http/http_client.h"
#include "node/running_node.h"
#include "systemd/watchdog_notifier.h"

namespace kiosk::node {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Whether the node answers GET /api/v1/health within a few seconds.
bool answers_itself(http::HttpClient& self) {
  Result<http::HttpResponse> answer = self.get("/api/v1/health");
  if (answer && answer.value().status == 200) return true;
  std::fprintf(stderr, "kiosk: the node did not answer its own API (%s); no watchdog ping\n",
               answer ? ("HTTP " + std::to_string(answer.value().status)).c_str() : answer.error().message.c_str());
  return false;
}

// Waits for a stop signal; meanwhile pings the watchdog while the node answers itself.
void wait_for_stop(const sigset_t& stop_signals, const StoreNodeConfig& config, const RunningNode& node) {
  const std::string host = config.listen.host == "0.0.0.0" ? "127.0.0.1" : config.listen.host;
  http::HttpClientOptions options;
  options.base_url = "https://" + host + ":" + std::to_string(node.port());
  options.pinned_public_key = node.pin();
  options.total_timeout = std::chrono::milliseconds(5000);
  http::HttpClient self(options);
  platform::WatchdogNotifier watchdog;
  if (answers_itself(self)) watchdog.alive(SteadyClock::now());  // READY=1
  for (;;) {
    const SteadyClock::time_point next = watchdog.next_ping();
    if (next == SteadyClock::time_point::max()) {
      int signal = 0;
      sigwait(&stop_signals, &signal);
      return;
    }
    const auto wait = std::max(std::chrono::nanoseconds(0), next - SteadyClock::now());
    const timespec timeout{static_cast<time_t>(wait.count() / 1000000000),
                           static_cast<long>(wait.count() % 1000000000)};
    if (sigtimedwait(&stop_signals, nullptr, &timeout) >= 0) return;
    if (errno == EAGAIN && answers_itself(self)) watchdog.alive(SteadyClock::now());
  }
}

}  // namespace

int serve_until_signalled(const StoreNodeConfig& config) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // handler threads inherit the mask

  SystemClock clock;
  Result<std::unique_ptr<RunningNode>> node = RunningNode::start(config, clock);
  if (!node) {
    std::fprintf(stderr, "kiosk: %s\n", node.error().message.c_str());
    return 1;
  }
  wait_for_stop(stop_signals, config, *node.value());
  return 0;
}

}  // namespace kiosk::node
