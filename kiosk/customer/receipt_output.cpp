// output_receipt: a .png path gets a picture, anything else the printer; the
// outcome becomes the printer's recorded state (a picture that cannot be
// written counts as a failed printer).
#include "customer/receipt_output.h"

#include "customer/printer_health.h"
#include "printer/ticket_printer.h"

namespace kiosk::customer {
namespace {

printer::PrintResult draw_picture(const printer::Receipt& receipt, const std::string& png_path) {
  printer::PrintResult result;
  result.message = printer::render_receipt_png(receipt, png_path).error;
  if (!result.message.empty()) result.failure = printer::PrintFailure::WriteFailed;
  return result;
}

}  // namespace

std::string output_receipt(const printer::Receipt& receipt, const printer::PrinterTarget& target, StoreDb& store,
                           EpochMs now) {
  const std::string& path = target.path;
  const bool picture = path.size() > 4 && path.compare(path.size() - 4, 4, ".png") == 0;
  const printer::PrintResult printed = picture ? draw_picture(receipt, path) : printer::print_receipt(receipt, target);
  record_print_outcome(store, printed, target, now);
  return printed.message;
}

}  // namespace kiosk::customer
