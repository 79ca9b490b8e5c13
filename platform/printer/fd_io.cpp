// Looping writes, timed reads and durable whole-file writes on POSIX descriptors.
#include "printer/fd_io.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace kiosk::printer {

namespace {

using Clock = std::chrono::steady_clock;

int milliseconds_left(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left > 0 ? static_cast<int>(left) : 0;
}

// Waits for `events` on `fd` until `deadline`; false on timeout or a poll error.
bool wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    pollfd entry{fd, events, 0};
    const int ready = ::poll(&entry, 1, milliseconds_left(deadline));
    if (ready > 0) return true;  // the following read or write reports any error
    if (ready == 0) return false;
    if (errno != EINTR) return false;
  }
}

}  // namespace

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

std::string FileDescriptor::close_reporting_error() {
  const int fd = fd_;
  fd_ = -1;
  if (fd >= 0 && ::close(fd) != 0 && errno != EINTR) return errno_message(errno);
  return {};
}

std::string errno_message(int error_number) { return std::generic_category().message(error_number); }

IoResult write_all(int fd, std::span<const std::uint8_t> bytes, std::chrono::milliseconds stall_timeout) {
  IoResult result;
  while (result.bytes_done < bytes.size()) {
    const ssize_t written = ::write(fd, bytes.data() + result.bytes_done, bytes.size() - result.bytes_done);
    if (written > 0) {
      result.bytes_done += static_cast<std::size_t>(written);
      continue;
    }
    if (written < 0 && errno == EINTR) continue;
    if (written < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
      result.error = errno_message(errno);
      return result;
    }
    if (!wait_for(fd, POLLOUT, Clock::now() + stall_timeout)) {
      result.error = "the device accepted nothing for " + std::to_string(stall_timeout.count()) + " ms";
      return result;
    }
  }
  return result;
}

std::optional<std::uint8_t> read_byte_within(int fd, std::chrono::milliseconds timeout) {
  const Clock::time_point deadline = Clock::now() + timeout;
  while (wait_for(fd, POLLIN, deadline)) {
    std::uint8_t byte = 0;
    const ssize_t got = ::read(fd, &byte, 1);
    if (got == 1) return byte;
    if (got == 0) return std::nullopt;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return std::nullopt;
  }
  return std::nullopt;
}

void discard_pending_input(int fd) {
  std::uint8_t buffer[256];
  for (int rounds = 0; rounds < 16; ++rounds) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got > 0) continue;
    if (got < 0 && errno == EINTR) continue;
    return;
  }
}

FileWriteResult write_whole_file(const std::string& path, std::span<const std::uint8_t> bytes) {
  FileDescriptor file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!file.valid()) return {"cannot open " + path + " for writing: " + errno_message(errno), true};

  const IoResult written = write_all(file.get(), bytes, std::chrono::seconds(5));
  if (!written.ok()) {
    return {"writing " + path + " failed after " + std::to_string(written.bytes_done) + " of " +
                std::to_string(bytes.size()) + " bytes: " + written.error,
            false};
  }
  struct stat info {};
  if (::fstat(file.get(), &info) == 0 && S_ISREG(info.st_mode) && ::fsync(file.get()) != 0) {
    return {"cannot flush " + path + " to disk: " + errno_message(errno), false};
  }
  if (std::string error = file.close_reporting_error(); !error.empty()) {
    return {"closing " + path + " failed: " + error, false};
  }
  return {};
}

}  // namespace kiosk::printer
