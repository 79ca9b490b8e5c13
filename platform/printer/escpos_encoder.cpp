// ESC/POS byte stream for a raster image.
#include "printer/escpos_encoder.h"

#include <algorithm>
#include <cassert>

namespace kiosk::printer {

namespace {

constexpr std::uint8_t ESC = 0x1B;
constexpr std::uint8_t GS = 0x1D;

void put_u16_le(std::vector<std::uint8_t>& out, int value) {
  out.push_back(static_cast<std::uint8_t>(value & 0xFF));
  out.push_back(static_cast<std::uint8_t>((value >> 8) & 0xFF));
}

}  // namespace

std::vector<std::uint8_t> encode_escpos(const MonoBitmap& image, const EscPosOptions& options) {
  assert(image.width() > 0 && image.width() % 8 == 0 && image.bytes_per_row() <= 0xFFFF &&
         "encode_escpos: width must be a positive multiple of 8");
  assert(options.max_band_rows > 0 && options.max_band_rows <= 0xFFFF && "encode_escpos: bad band height");
  assert(options.cut_feed >= 0 && options.cut_feed <= 255 && "encode_escpos: bad cut feed");

  const std::size_t bands =
      static_cast<std::size_t>((image.height() + options.max_band_rows - 1) / options.max_band_rows);
  std::vector<std::uint8_t> out;
  out.reserve(2 + bands * 8 +
              static_cast<std::size_t>(image.height()) * static_cast<std::size_t>(image.bytes_per_row()) + 4);
  out.insert(out.end(), {ESC, '@'});
  for (int top = 0; top < image.height(); top += options.max_band_rows) {
    const int rows = std::min(options.max_band_rows, image.height() - top);
    out.insert(out.end(), {GS, 'v', '0', 0});
    put_u16_le(out, image.bytes_per_row());
    put_u16_le(out, rows);
    const std::uint8_t* first = image.row(top);
    out.insert(out.end(), first,
               first + static_cast<std::size_t>(rows) * static_cast<std::size_t>(image.bytes_per_row()));
  }
  out.insert(out.end(), {GS, 'V', 66, static_cast<std::uint8_t>(options.cut_feed)});
  return out;
}

}  // namespace kiosk::printer
