// What a print or a paper check says about the ticket printer, kept in the
// store (store/printer_state.h) by the process that prints, for kioskctl
// status, the admin screen and the health report HQ gets with each sync.
// Runs on the store worker's thread, with its store connection.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "printer/print_result.h"
#include "printer/printer_port.h"
#include "printer/receipt.h"
#include "store/printer_state.h"
#include "store/store_db.h"

namespace kiosk::customer {

// The printer's state after `result` on `target`:
//   printed, paper ok -> ok; printed, paper near end -> paper-near-end;
//   printed, paper not reported (a file, a .png picture, a printer that does
//   not answer the status query) -> unknown, saying so;
//   out of paper -> paper-out; cannot open, not a printer, write failed -> failed;
//   nullopt for failures that are not the printer's (fonts, rendering).
std::optional<PrinterStatus> printer_status_of(const printer::PrintResult& result, const printer::PrinterTarget& target,
                                               EpochMs now);

// Records it (when it says anything); a store that cannot take it is logged.
void record_print_outcome(StoreDb& store, const printer::PrintResult& result, const printer::PrinterTarget& target,
                          EpochMs now);

// Prints `receipt` (paper/receipt_output.h) and records what that says about
// the printer. Empty when printed (or drawn); else why not, for the log.
std::string print_recorded(const printer::Receipt& receipt, const printer::PrinterTarget& target, StoreDb& store,
                           EpochMs now);

// The idle check: asks a printer device for its paper and records the answer.
// Nothing for a file target (no paper to ask about).
void check_paper(StoreDb& store, const printer::PrinterTarget& target, EpochMs now);

}  // namespace kiosk::customer
