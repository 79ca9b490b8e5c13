// The ticket printer's last known state, kept in the store database so that
// every reader sees it: kioskctl status, the admin screen and the health report
// sent to HQ. The process that prints writes it after each print and paper
// check; shared/ knows nothing of printers, only these states.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

enum class PrinterState {
  Unknown,  // never checked, or a printer that does not report its paper
  Ok,
  PaperNearEnd,  // still prints; staff should change the roll soon
  PaperOut,
  Failed,  // cannot be opened or stopped taking bytes (unplugged, no permission)
};

struct PrinterStatus {
  PrinterState state = PrinterState::Unknown;
  std::string message;  // what went wrong, for staff; empty when ok
  EpochMs checked_at = 0;
};

// "ok", "paper-near-end", "paper-out", "failed", "unknown": the stored and reported names.
const char* printer_state_name(PrinterState state);
std::optional<PrinterState> parse_printer_state(const std::string& name);

// Replaces the one stored state.
Result<Done> record_printer_status(StoreDb& store, const PrinterStatus& status);

// The stored state; nullopt when nothing has been recorded yet.
Result<std::optional<PrinterStatus>> read_printer_status(StoreDb& store);

}  // namespace kiosk
