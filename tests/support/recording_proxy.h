// A TCP proxy on 127.0.0.1 that records every byte it relays, both ways: a
// capture of what crosses the network between a device and a server (what
// anyone on a store's Wi-Fi could read), for tests that look for secrets in
// clear. Poll loops with short timeouts; the destructor stops and joins.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::test {

class RecordingProxy {
 public:
  explicit RecordingProxy(int upstream_port);
  ~RecordingProxy();
  RecordingProxy(const RecordingProxy&) = delete;
  RecordingProxy& operator=(const RecordingProxy&) = delete;

  int port() const { return port_; }
  // Every byte relayed so far, in both directions, in the order it arrived.
  std::string capture() const;
  int connections() const { return connections_; }

 private:
  void accept_loop();
  void relay(int client, int upstream);
  void record(const char* bytes, long size);

  int upstream_port_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread acceptor_;
  std::vector<std::thread> relays_;
  mutable std::mutex mutex_;
  std::string capture_;
};

}  // namespace kiosk::test
