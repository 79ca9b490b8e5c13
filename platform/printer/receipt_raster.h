// Rendering a whole Receipt, block by block, into one 1-bit bitmap as wide as
// the paper: the image that is printed and the image the PNG preview shows.
#pragma once

#include <string>
#include <vector>

#include "printer/font_stack.h"
#include "printer/mono_bitmap.h"
#include "printer/receipt.h"

namespace kiosk::printer {

struct RenderedReceipt {
  MonoBitmap bitmap;
  std::vector<char32_t> missing_characters;  // no font has them; each drawn as a box
  std::string error;                         // empty on success; the receipt cannot be printed otherwise

  bool ok() const { return error.empty(); }
};

RenderedReceipt render_receipt(const Receipt& receipt, FontStack& fonts);

}  // namespace kiosk::printer
