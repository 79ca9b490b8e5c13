// The node role's main loop: block the stop signals before any thread starts,
// serve, sync with HQ (store_sync.h) and purge personal data hourly
// (store_purge.h), wait for a signal, stop cleanly.
#include "node/node_role.h"

#include <signal.h>

#include <cstdio>

#include "node/store_purge.h"
#include "node/store_sync.h"

namespace kiosk::node {

int serve_until_signalled(const StoreNodeConfig& config) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // handler threads inherit the mask

  SystemClock clock;
  StoreNodeServer server(config, clock);
  Result<int> port = server.start();
  if (!port) {
    std::fprintf(stderr, "kiosk: %s\n", port.error().message.c_str());
    return 1;
  }
  std::printf("{\"listening\": \"%s:%d\"}\n", config.listen.host.c_str(), port.value());
  std::fflush(stdout);
  StoreSync sync(config.data_dir, clock);
  sync.start();
  StorePurge purge(config.data_dir, clock);  // kDefaultPurgeDays, hourly
  purge.start();
  int signal = 0;
  sigwait(&stop_signals, &signal);
  purge.stop();
  sync.stop();
  server.stop();
  return 0;
}

}  // namespace kiosk::node
