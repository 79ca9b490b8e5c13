// ESC/POS encoding of a printed image: initialise (ESC @), the image as raster
// bands (GS v 0, normal density), then feed to the cutter and cut partially
// (GS V 66 n). No text commands: every printer model prints the same dots.
#pragma once

#include <cstdint>
#include <vector>

#include "printer/mono_bitmap.h"

namespace kiosk::printer {

struct EscPosOptions {
  int max_band_rows = 256;  // rows per GS v 0 command; printers buffer one band at a time
  int cut_feed = 0;         // n of GS V 66 n: extra feed after the cutting position
};

// `image` must be a positive multiple of 8 dots wide and at most 65535 bytes per row.
std::vector<std::uint8_t> encode_escpos(const MonoBitmap& image, const EscPosOptions& options = {});

}  // namespace kiosk::printer
