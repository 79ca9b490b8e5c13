// print_receipt and render_receipt_png: fonts, rendering, encoding, output.
#include "printer/ticket_printer.h"

#include <memory>

#include "printer/escpos_encoder.h"
#include "printer/font_stack.h"
#include "printer/png_preview.h"
#include "printer/receipt_raster.h"

namespace kiosk::printer {

namespace {

struct Rendering {
  RenderedReceipt receipt;
  std::string fonts_error;
};

Rendering render_with_fonts(const Receipt& receipt, const FontPaths& font_paths) {
  Rendering rendering;
  std::unique_ptr<FontStack> fonts = FontStack::open(font_paths, rendering.fonts_error);
  if (fonts) rendering.receipt = render_receipt(receipt, *fonts);
  return rendering;
}

}  // namespace

PrintResult print_receipt(const Receipt& receipt, const PrinterTarget& target, const FontPaths& fonts) {
  const Rendering rendering = render_with_fonts(receipt, fonts);
  PrintResult result;
  if (!rendering.fonts_error.empty()) {
    result.failure = PrintFailure::FontsUnavailable;
    result.message = rendering.fonts_error;
    return result;
  }
  if (!rendering.receipt.ok()) {
    result.failure = PrintFailure::CannotRender;
    result.message = rendering.receipt.error;
    return result;
  }
  result = send_to_printer(encode_escpos(rendering.receipt.bitmap), target);
  result.missing_characters = rendering.receipt.missing_characters;
  return result;
}

PreviewResult render_receipt_png(const Receipt& receipt, const std::string& png_path, const FontPaths& fonts) {
  const Rendering rendering = render_with_fonts(receipt, fonts);
  if (!rendering.fonts_error.empty()) return {rendering.fonts_error, {}};
  if (!rendering.receipt.ok()) return {rendering.receipt.error, rendering.receipt.missing_characters};
  return {write_png(rendering.receipt.bitmap, png_path), rendering.receipt.missing_characters};
}

}  // namespace kiosk::printer
