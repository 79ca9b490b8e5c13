// output_receipt: a .png path gets a picture, anything else the printer; a
// picture that cannot be written counts as a failed write.
#include "paper/receipt_output.h"

#include "printer/ticket_printer.h"

namespace kiosk::paper {

printer::PrintResult output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target) {
  const std::string& path = target.path;
  if (path.size() <= 4 || path.compare(path.size() - 4, 4, ".png") != 0) return printer::print_receipt(receipt, target);
  printer::PrintResult result;
  result.message = printer::render_receipt_png(receipt, path).error;
  if (!result.message.empty()) result.failure = printer::PrintFailure::WriteFailed;
  return result;
}

}  // namespace kiosk::paper
