// RecordingProxy: accept, connect upstream, relay with poll() until either
// side closes or the proxy stops.
#include "support/recording_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace kiosk::test {
namespace {

constexpr int kPollMs = 50;

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

}  // namespace

RecordingProxy::RecordingProxy(int upstream_port) : upstream_port_(upstream_port) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address = loopback(0);
  socklen_t size = sizeof address;
  if (listen_fd_ < 0 || ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 16) != 0 || ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size) != 0)
    throw std::runtime_error("the recording proxy cannot listen");
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { accept_loop(); });
}

RecordingProxy::~RecordingProxy() {
  stopping_ = true;
  acceptor_.join();
  for (std::thread& relay : relays_) relay.join();
  ::close(listen_fd_);
}

std::string RecordingProxy::capture() const {
  std::lock_guard lock(mutex_);
  return capture_;
}

void RecordingProxy::record(const char* bytes, long size) {
  std::lock_guard lock(mutex_);
  capture_.append(bytes, static_cast<std::size_t>(size));
}

void RecordingProxy::accept_loop() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, kPollMs) <= 0) continue;
    const int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const sockaddr_in address = loopback(upstream_port_);
    if (upstream < 0 || ::connect(upstream, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      ::close(client);
      if (upstream >= 0) ::close(upstream);
      continue;
    }
    ++connections_;
    relays_.emplace_back([this, client, upstream] { relay(client, upstream); });
  }
}

void RecordingProxy::relay(int client, int upstream) {
  char buffer[16384];
  bool open = true;
  while (open && !stopping_) {
    pollfd ends[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
    if (::poll(ends, 2, kPollMs) <= 0) continue;
    for (int i = 0; i < 2 && open; ++i) {
      if (!(ends[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = ::read(ends[i].fd, buffer, sizeof buffer);
      if (got <= 0) {
        open = false;
        break;
      }
      record(buffer, got);
      const int to = i == 0 ? upstream : client;
      for (ssize_t sent = 0; sent < got;) {
        const ssize_t n = ::write(to, buffer + sent, static_cast<std::size_t>(got - sent));
        if (n <= 0) {
          open = false;
          break;
        }
        sent += n;
      }
    }
  }
  ::close(client);
  ::close(upstream);
}

}  // namespace kiosk::test
