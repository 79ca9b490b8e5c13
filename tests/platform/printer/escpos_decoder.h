// A strict ESC/POS reader for the tests: walks the byte stream the ticket
// printer produces, refuses unknown or truncated commands, and rebuilds the
// printed image from its GS v 0 raster bands.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "printer/mono_bitmap.h"

namespace kiosk::printer::test {

struct DecodedTicket {
  MonoBitmap image;  // the bands one under another
  int band_count = 0;
  int tallest_band_rows = 0;
  int cut_feed = 0;  // n of the final GS V 66 n
};

struct DecodeResult {
  std::optional<DecodedTicket> ticket;
  std::string error;  // with the byte offset, when ticket is empty
};

// Accepts exactly: ESC @, then any number of GS v 0 bands (mode 0, all the same
// width), then GS V 66 n as the last four bytes.
DecodeResult decode_escpos(std::span<const std::uint8_t> bytes);

}  // namespace kiosk::printer::test
