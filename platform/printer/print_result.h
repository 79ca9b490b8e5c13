// PrintResult: what became of one print. A receipt counts as printed only when
// every byte reached the device or file; anything else names what went wrong.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "printer/paper_status.h"

namespace kiosk::printer {

enum class PrintFailure {
  None,
  FontsUnavailable,  // a font file is missing or unreadable
  CannotRender,      // the receipt itself is wrong: bad paper width, QR payload too long
  CannotOpen,        // the device or file cannot be opened (unplugged, no permission)
  NotAPrinter,       // a device path that is not a character device
  OutOfPaper,        // the printer said so; nothing was sent
  WriteFailed,       // the device or file refused or stopped taking bytes
};

struct [[nodiscard]] PrintResult {
  PrintFailure failure = PrintFailure::None;
  std::string message;                       // for logs and staff screens; empty on success
  PaperStatus paper = PaperStatus::Unknown;  // as the printer answered before printing
  std::size_t bytes_written = 0;
  std::vector<char32_t> missing_characters;  // printed as boxes: no font has them

  bool ok() const { return failure == PrintFailure::None; }
};

}  // namespace kiosk::printer
