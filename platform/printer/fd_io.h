// File-descriptor I/O that never loses bytes silently: whole writes (partial
// writes looped, EINTR retried, a stalled device timed out), one byte read with
// a timeout, and whole-file writes made durable with fsync. Errors come back as
// text with the system's errno message; nothing here throws.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace kiosk::printer {

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor();
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  // Closes now and returns the errno message if close failed (a device or a
  // file system may report a failed write only here), or an empty string.
  std::string close_reporting_error();

 private:
  int fd_;
};

std::string errno_message(int error_number);

struct IoResult {
  std::string error;  // empty on success
  std::size_t bytes_done = 0;
  bool ok() const { return error.empty(); }
};

// Writes all of `bytes` to `fd` (blocking or not). Fails if the descriptor
// accepts nothing for `stall_timeout`.
IoResult write_all(int fd, std::span<const std::uint8_t> bytes, std::chrono::milliseconds stall_timeout);

// One byte from `fd` if it arrives within `timeout`; nullopt on timeout, end of
// file or error.
std::optional<std::uint8_t> read_byte_within(int fd, std::chrono::milliseconds timeout);

// Reads and drops whatever is already waiting on non-blocking `fd`.
void discard_pending_input(int fd);

struct FileWriteResult {
  std::string error;  // empty on success; names the path
  bool could_not_open = false;
  bool ok() const { return error.empty(); }
};

// Creates or truncates `path`, writes all of `bytes`, fsyncs a regular file, closes.
FileWriteResult write_whole_file(const std::string& path, std::span<const std::uint8_t> bytes);

}  // namespace kiosk::printer
