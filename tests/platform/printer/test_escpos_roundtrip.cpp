// ESC/POS encoding: the stream is well-formed and the image decoded from its
// raster bands equals the rendered bitmap dot for dot.
#include <doctest/doctest.h>

#include "escpos_decoder.h"
#include "printer/escpos_encoder.h"
#include "sample_receipts.h"

using namespace kiosk::printer;
using namespace kiosk::printer::test;

TEST_CASE("a rendered ticket decodes back to the same dots") {
  for (int width : {kPaperWidth80mmDots, kPaperWidth58mmDots}) {
    const RenderedReceipt rendered = render_with_default_fonts(queue_ticket(width));
    REQUIRE(rendered.ok());
    const std::vector<std::uint8_t> bytes = encode_escpos(rendered.bitmap);

    const DecodeResult decoded = decode_escpos(bytes);
    REQUIRE_MESSAGE(decoded.ticket, decoded.error);
    CHECK(decoded.ticket->image == rendered.bitmap);
    CHECK(decoded.ticket->band_count == (rendered.bitmap.height() + 255) / 256);
    CHECK(decoded.ticket->band_count > 1);
    CHECK(decoded.ticket->tallest_band_rows <= 256);
    CHECK(decoded.ticket->cut_feed == 0);
  }
}

TEST_CASE("band height and cut feed follow the options") {
  const RenderedReceipt rendered = render_with_default_fonts(queue_ticket());
  const std::vector<std::uint8_t> bytes = encode_escpos(rendered.bitmap, EscPosOptions{100, 5});
  const DecodeResult decoded = decode_escpos(bytes);
  REQUIRE_MESSAGE(decoded.ticket, decoded.error);
  CHECK(decoded.ticket->image == rendered.bitmap);
  CHECK(decoded.ticket->band_count == (rendered.bitmap.height() + 99) / 100);
  CHECK(decoded.ticket->tallest_band_rows == 100);
  CHECK(decoded.ticket->cut_feed == 5);
}

TEST_CASE("the stream is exactly init, bands and cut") {
  MonoBitmap image(16, 3);
  image.set_black(0, 0);
  image.set_black(15, 2);
  const std::vector<std::uint8_t> expected{0x1B, '@',                                        // ESC @
                                           0x1D, 'v', '0', 0, 2, 0, 2, 0, 0x80, 0,    0, 0,  // GS v 0: 2 bytes x 2 rows
                                           0x1D, 'v', '0', 0, 2, 0, 1, 0, 0,    0x01,        // the last row
                                           0x1D, 'V', 66,  0};                               // GS V 66 0
  CHECK(encode_escpos(image, EscPosOptions{2, 0}) == expected);
}
