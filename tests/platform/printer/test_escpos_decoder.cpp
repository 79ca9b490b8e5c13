// The test decoder itself: it must refuse what is not a well-formed ticket
// stream, or the round-trip tests prove nothing.
#include <doctest/doctest.h>

#include <vector>

#include "escpos_decoder.h"

using namespace kiosk::printer;
using namespace kiosk::printer::test;

namespace {

using Bytes = std::vector<std::uint8_t>;

// ESC @, one 16x2 band, a cut.
Bytes valid_stream() { return {0x1B, '@', 0x1D, 'v', '0', 0, 2, 0, 2, 0, 0xFF, 0x00, 0x01, 0x80, 0x1D, 'V', 66, 3}; }

std::string error_of(const Bytes& bytes) { return decode_escpos(bytes).error; }

}  // namespace

TEST_CASE("a well-formed stream decodes to its dots") {
  const DecodeResult decoded = decode_escpos(valid_stream());
  REQUIRE_MESSAGE(decoded.ticket, decoded.error);
  const MonoBitmap& image = decoded.ticket->image;
  CHECK(image.width() == 16);
  CHECK(image.height() == 2);
  CHECK(image.is_black(0, 0));
  CHECK(image.is_black(7, 0));
  CHECK_FALSE(image.is_black(8, 0));
  CHECK(image.is_black(7, 1));  // 0x01 0x80 on row 1: dots 7 and 8 only
  CHECK(image.is_black(8, 1));
  CHECK_FALSE(image.is_black(6, 1));
  CHECK_FALSE(image.is_black(9, 1));
  CHECK(decoded.ticket->cut_feed == 3);
}

TEST_CASE("malformed streams are refused with the offset of the fault") {
  Bytes stream = valid_stream();

  SUBCASE("no ESC @ at the start") {
    CHECK(error_of(Bytes(stream.begin() + 2, stream.end())).find("ESC @") != std::string::npos);
  }
  SUBCASE("an unknown command") {
    stream.insert(stream.begin() + 2, {0x1B, 'E', 1});
    CHECK(error_of(stream) == "unknown command 0x1B at offset 2");
  }
  SUBCASE("text bytes") {
    stream.insert(stream.begin() + 2, 'A');
    CHECK(error_of(stream) == "unknown command 0x41 at offset 2");
  }
  SUBCASE("truncated raster data") {
    stream.resize(12);
    CHECK(error_of(stream) == "truncated GS v 0 data at offset 2");
  }
  SUBCASE("truncated raster header") {
    stream.resize(7);
    CHECK(error_of(stream) == "truncated GS v 0 header at offset 2");
  }
  SUBCASE("double-density raster") {
    stream[5] = 3;
    CHECK(error_of(stream).find("raster mode 3") != std::string::npos);
  }
  SUBCASE("bands of different widths") {
    const Bytes narrow_band{0x1D, 'v', '0', 0, 1, 0, 1, 0, 0xAA};
    stream.insert(stream.begin() + 14, narrow_band.begin(), narrow_band.end());
    CHECK(error_of(stream) == "band width changes at offset 14");
  }
  SUBCASE("a full cut instead of a partial cut with feed") {
    stream[16] = 65;
    CHECK(error_of(stream).find("cut function 65") != std::string::npos);
  }
  SUBCASE("no cut") {
    stream.resize(14);
    CHECK(error_of(stream) == "stream does not end with a cut at offset 14");
  }
  SUBCASE("bytes after the cut") {
    stream.push_back(0x0A);
    CHECK(error_of(stream) == "bytes after the cut at offset 18");
  }
}
