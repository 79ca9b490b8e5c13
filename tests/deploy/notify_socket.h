// The listening end of $NOTIFY_SOCKET, as systemd has it: a unix datagram
// socket bound to a path, read with a deadline. For the watchdog and cage tests.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace kiosk::test {

class NotifySocket {
 public:
  using Clock = std::chrono::steady_clock;
  explicit NotifySocket(const std::string& path);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  const std::string& path() const { return path_; }
  // The next datagram, or nothing before `deadline`.
  std::optional<std::string> receive(Clock::time_point deadline);
  // Reads until `message` arrives (true) or `deadline` passes (false).
  bool wait_for(const std::string& message, Clock::time_point deadline);
  // How many WATCHDOG=1 arrive within `window`.
  int count_pings(std::chrono::milliseconds window);

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace kiosk::test
