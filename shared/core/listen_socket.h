// The listening socket of this project's HTTP servers (the store node's LAN
// API and hq), both Debian's cpp-httplib 0.11, which by default sets
// SO_REUSEPORT (a second server started on the same port binds silently and
// takes a share of the connections) and listens with a backlog of 5 (a burst
// of clients, counters or stores, overflows it: SYNs dropped, connections
// reset or retried a second later). Plain POSIX: no HTTP library here.
#pragma once

namespace kiosk {

class ListenSocket {
 public:
  static constexpr int kBacklog = 512;

  // As the server's socket-options hook: SO_REUSEADDR only (a port in use is a
  // clear bind error), and the socket is remembered.
  void configure(int fd);
  // After the bind: listens again on the socket with kBacklog. False when no
  // socket was configured or listen() refused.
  bool widen_backlog() const;

 private:
  int fd_ = -1;
};

}  // namespace kiosk
