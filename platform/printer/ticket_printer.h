// The ticket printer as the kiosk uses it: render a Receipt, encode it as
// ESC/POS and send it to a printer device or file; or write the same dots as a
// PNG preview. Blocking: call from the printer worker, never the UI thread.
//
//   Receipt ticket{kPaperWidth80mmDots, {TextLine{"A012", TextSize::Huge, TextAlign::Center}, QrCode{url}}};
//   PrintResult printed = print_receipt(ticket, printer_target_for_path("/dev/usb/lp0"));
//   if (!printed.ok()) show_staff_alert(printed.message);
#pragma once

#include <string>
#include <vector>

#include "printer/font_paths.h"
#include "printer/print_result.h"
#include "printer/printer_port.h"
#include "printer/receipt.h"

namespace kiosk::printer {

PrintResult print_receipt(const Receipt& receipt, const PrinterTarget& target, const FontPaths& fonts = {});

struct [[nodiscard]] PreviewResult {
  std::string error;  // empty on success
  std::vector<char32_t> missing_characters;
  bool ok() const { return error.empty(); }
};

PreviewResult render_receipt_png(const Receipt& receipt, const std::string& png_path, const FontPaths& fonts = {});

}  // namespace kiosk::printer
