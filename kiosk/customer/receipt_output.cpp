// output_receipt: a .png path gets a picture, anything else the printer.
#include "customer/receipt_output.h"

#include "printer/ticket_printer.h"

namespace kiosk::customer {

std::string output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target) {
  const std::string& path = target.path;
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0)
    return printer::render_receipt_png(receipt, path).error;
  const printer::PrintResult printed = printer::print_receipt(receipt, target);
  return printed.ok() ? std::string() : printed.message;
}

}  // namespace kiosk::customer
