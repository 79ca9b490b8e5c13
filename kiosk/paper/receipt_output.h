// Where a receipt goes: the printer (ESC/POS), or a picture of the paper when
// the printer path ends in ".png" (demo runs and tests look at it). Tickets and
// request receipts alike, at the kiosk and at a counter; a blocking call, for a
// worker thread.
#pragma once

#include "printer/print_result.h"
#include "printer/printer_port.h"
#include "printer/receipt.h"

namespace kiosk::paper {

printer::PrintResult output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target);

}  // namespace kiosk::paper
