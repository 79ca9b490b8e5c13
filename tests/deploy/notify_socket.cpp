// NotifySocket over socket(AF_UNIX, SOCK_DGRAM), bind and poll.
#include "notify_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace kiosk::test {

NotifySocket::NotifySocket(const std::string& path) : path_(path) {
  fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0)
    throw std::runtime_error("cannot bind " + path);
  chmod(path.c_str(), 0666);  // a child running as another user may send too (NotifyAccess=all)
}

NotifySocket::~NotifySocket() {
  close(fd_);
  unlink(path_.c_str());
}

std::optional<std::string> NotifySocket::receive(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  pollfd p{fd_, POLLIN, 0};
  if (left <= 0 || poll(&p, 1, int(left)) != 1) return std::nullopt;
  char buffer[512];
  const ssize_t n = recv(fd_, buffer, sizeof(buffer), 0);
  return n < 0 ? std::nullopt : std::optional<std::string>(std::string(buffer, std::size_t(n)));
}

bool NotifySocket::wait_for(const std::string& message, Clock::time_point deadline) {
  while (std::optional<std::string> got = receive(deadline))
    if (*got == message) return true;
  return false;
}

int NotifySocket::count_pings(std::chrono::milliseconds window) {
  const auto end = Clock::now() + window;
  int pings = 0;
  while (std::optional<std::string> message = receive(end)) pings += *message == "WATCHDOG=1";
  return pings;
}

}  // namespace kiosk::test
