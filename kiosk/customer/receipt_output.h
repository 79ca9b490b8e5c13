// Where a customer's paper goes: the printer (ESC/POS), or a picture of the
// paper when the printer path ends in ".png". For tickets and request
// receipts alike, on the store worker's thread; what the print says about the
// printer is recorded in the store (printer_health.h).
#pragma once

#include <string>

#include "core/clock.h"
#include "printer/printer_port.h"
#include "printer/receipt.h"
#include "store/store_db.h"

namespace kiosk::customer {

// Empty when printed (or drawn); else why not, for the log.
std::string output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target, StoreDb& store,
                           EpochMs now);

}  // namespace kiosk::customer
