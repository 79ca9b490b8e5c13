// Opening, querying and writing a printer device or a file.
#include "printer/printer_port.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

#include "printer/fd_io.h"

namespace kiosk::printer {

namespace {

PrintResult failed(PrintFailure failure, std::string message, PaperStatus paper = PaperStatus::Unknown) {
  PrintResult result;
  result.failure = failure;
  result.message = std::move(message);
  result.paper = paper;
  return result;
}

// A serial or pseudo terminal must pass bytes through untouched (no CR/LF
// translation, no echo) and hand over the status byte without waiting for a newline.
bool make_raw(int fd) {
  termios settings{};
  if (::tcgetattr(fd, &settings) != 0) return false;
  ::cfmakeraw(&settings);
  return ::tcsetattr(fd, TCSANOW, &settings) == 0;
}

PrintResult send_to_file(std::span<const std::uint8_t> bytes, const PrinterTarget& target) {
  const FileWriteResult written = write_whole_file(target.path, bytes);
  if (!written.ok())
    return failed(written.could_not_open ? PrintFailure::CannotOpen : PrintFailure::WriteFailed, written.error);
  PrintResult result;
  result.bytes_written = bytes.size();
  return result;
}

// Checks a just opened device: a character device, raw if a terminal.
// failure None when it is ready for the status query and the bytes.
PrintResult ready_device(const FileDescriptor& device, const std::string& path, bool& is_terminal) {
  if (!device.valid())
    return failed(PrintFailure::CannotOpen, "cannot open printer " + path + ": " + errno_message(errno));
  struct stat info {};
  if (::fstat(device.get(), &info) != 0 || !S_ISCHR(info.st_mode)) {
    return failed(PrintFailure::NotAPrinter, "printer " + path + " is not a character device");
  }
  is_terminal = ::isatty(device.get()) == 1;
  if (is_terminal && !make_raw(device.get())) {
    return failed(PrintFailure::CannotOpen, "cannot set raw mode on printer " + path + ": " + errno_message(errno));
  }
  return PrintResult{};
}

int open_device(const std::string& path) { return ::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC); }

PrintResult out_of_paper(const std::string& path) {
  return failed(PrintFailure::OutOfPaper, "printer " + path + " is out of paper", PaperStatus::Out);
}

PrintResult send_to_device(std::span<const std::uint8_t> bytes, const PrinterTarget& target) {
  const std::string& path = target.path;
  FileDescriptor device(open_device(path));
  bool is_terminal = false;
  if (PrintResult ready = ready_device(device, path, is_terminal); !ready.ok()) return ready;

  const PaperStatus paper = query_paper_status(device.get(), target.status_timeout);
  if (paper == PaperStatus::Out) return out_of_paper(path);

  const IoResult written = write_all(device.get(), bytes, target.write_stall_timeout);
  if (!written.ok()) {
    PrintResult result = failed(PrintFailure::WriteFailed,
                                "printing to " + path + " failed after " + std::to_string(written.bytes_done) + " of " +
                                    std::to_string(bytes.size()) + " bytes: " + written.error,
                                paper);
    result.bytes_written = written.bytes_done;
    return result;
  }
  if (is_terminal) ::tcdrain(device.get());
  if (std::string error = device.close_reporting_error(); !error.empty()) {
    return failed(PrintFailure::WriteFailed, "closing printer " + path + " failed: " + error, paper);
  }
  PrintResult result;
  result.paper = paper;
  result.bytes_written = bytes.size();
  return result;
}

}  // namespace

PrinterTarget printer_target_for_path(const std::string& path) {
  PrinterTarget target;
  target.path = path;
  target.kind = path.starts_with("/dev/") ? PrinterPathKind::Device : PrinterPathKind::File;
  return target;
}

PrintResult send_to_printer(std::span<const std::uint8_t> bytes, const PrinterTarget& target) {
  return target.kind == PrinterPathKind::Device ? send_to_device(bytes, target) : send_to_file(bytes, target);
}

PrintResult check_printer(const PrinterTarget& target) {
  if (target.kind == PrinterPathKind::File) return PrintResult{};
  FileDescriptor device(open_device(target.path));
  bool is_terminal = false;
  if (PrintResult ready = ready_device(device, target.path, is_terminal); !ready.ok()) return ready;
  const PaperStatus paper = query_paper_status(device.get(), target.status_timeout);
  if (paper == PaperStatus::Out) return out_of_paper(target.path);
  PrintResult result;
  result.paper = paper;
  return result;
}

}  // namespace kiosk::printer
