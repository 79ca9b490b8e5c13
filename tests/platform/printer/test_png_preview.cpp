// PNG previews: the PNG holds the printed dots exactly, and a realistic ticket
// is written next to the test binary for a person to look at.
#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <fstream>
#include <iterator>

#include "printer/png_preview.h"
#include "printer/ticket_printer.h"
#include "sample_receipts.h"

using namespace kiosk::printer;
using namespace kiosk::printer::test;

namespace {

void check_png_equals(const std::vector<std::uint8_t>& png, const MonoBitmap& expected) {
  int width = 0, height = 0, channels = 0;
  unsigned char* pixels =
      stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &width, &height, &channels, 1);
  REQUIRE(pixels);
  CHECK(channels == 1);
  REQUIRE(width == expected.width());
  REQUIRE(height == expected.height());
  int wrong = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const unsigned char want = expected.is_black(x, y) ? 0 : 255;
      if (pixels[y * width + x] != want) ++wrong;
    }
  }
  stbi_image_free(pixels);
  CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("the PNG preview holds exactly the printed dots") {
  const RenderedReceipt rendered = render_with_default_fonts(queue_ticket(kPaperWidth58mmDots));
  check_png_equals(encode_png(rendered.bitmap), rendered.bitmap);
}

TEST_CASE("a realistic ticket preview is written for review") {
  for (int width : {kPaperWidth80mmDots, kPaperWidth58mmDots}) {
    const std::string path =
        std::string(KIOSK_PRINTER_PREVIEW_DIR) + "/ticket_preview_" + std::to_string(width) + ".png";
    const PreviewResult preview = render_receipt_png(queue_ticket(width), path);
    REQUIRE_MESSAGE(preview.ok(), preview.error);
    CHECK(preview.missing_characters.empty());
    std::ifstream in(path, std::ios::binary);
    const std::vector<std::uint8_t> png{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    check_png_equals(png, render_with_default_fonts(queue_ticket(width)).bitmap);
  }
}

TEST_CASE("a preview that cannot be written says why") {
  const PreviewResult preview = render_receipt_png(queue_ticket(), "/nonexistent-dir/ticket.png");
  CHECK(preview.error == "cannot open /nonexistent-dir/ticket.png for writing: No such file or directory");
}
