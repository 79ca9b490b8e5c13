// Drawing one receipt text line (wrapped to the paper width) into a 1-bit
// bitmap with FreeType, per-character font fallback and the fonts' own hinting.
#pragma once

#include <vector>

#include "printer/font_stack.h"
#include "printer/mono_bitmap.h"
#include "printer/receipt.h"

namespace kiosk::printer {

int text_pixel_size(TextSize size);

// Height in dots of one line of text of `size`, gap included.
int text_line_height(FontStack& fonts, TextSize size);

struct RenderedText {
  MonoBitmap bitmap;                         // width_dots wide, one or more lines high
  std::vector<char32_t> missing_characters;  // drawn as a box; no font has them
};

RenderedText render_text_line(FontStack& fonts, const TextLine& line, int width_dots);

}  // namespace kiosk::printer
