// Where a customer's paper goes: the printer (ESC/POS), or a picture of the
// paper when the printer path ends in ".png". For tickets and request
// receipts alike, on the store worker's thread.
#pragma once

#include <string>

#include "printer/printer_port.h"
#include "printer/receipt.h"

namespace kiosk::customer {

// Empty when printed (or drawn); else why not, for the log.
std::string output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target);

}  // namespace kiosk::customer
