// The printer port: where ESC/POS bytes go. A device (/dev/usb/lp0, a serial
// tty, a pty in tests) is asked for its paper status first and gets the bytes
// only if it does not report paper out; a file is created or truncated, written
// and fsynced.
#pragma once

#include <chrono>
#include <cstdint>
#include <span>
#include <string>

#include "printer/print_result.h"

namespace kiosk::printer {

enum class PrinterPathKind {
  Device,  // must exist and be a character device; never created
  File,    // created or truncated
};

struct PrinterTarget {
  std::string path;
  PrinterPathKind kind = PrinterPathKind::Device;
  std::chrono::milliseconds status_timeout{300};        // wait for the DLE EOT 4 answer
  std::chrono::milliseconds write_stall_timeout{5000};  // give up when the device takes nothing this long
};

// A path under /dev/ is a device, anything else a file: `--printer /dev/usb/lp0`
// or `--printer ticket.bin`. An unplugged printer is then an error, not a new file in /dev.
PrinterTarget printer_target_for_path(const std::string& path);

// Sends all of `bytes` to the target. The result's failure is None only when every byte was accepted.
PrintResult send_to_printer(std::span<const std::uint8_t> bytes, const PrinterTarget& target);

// Opens a device and asks its paper status, printing nothing (the kiosk's idle
// check: a refilled printer is seen without a customer printing). A file has
// nothing to ask: ok, paper Unknown.
PrintResult check_printer(const PrinterTarget& target);

}  // namespace kiosk::printer
