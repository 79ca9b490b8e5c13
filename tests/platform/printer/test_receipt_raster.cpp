// Rendering receipts: fonts and fallback, missing glyphs reported, layout, and
// the QR code's modules read back from the dots.
#include <doctest/doctest.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>

#include "printer/qr_raster.h"
#include "printer/text_raster.h"
#include "sample_receipts.h"

using namespace kiosk::printer;
using namespace kiosk::printer::test;

namespace {

struct InkBox {
  int left, top, right, bottom;  // inclusive; left > right when there is no ink
  int width() const { return right - left + 1; }
  int height() const { return bottom - top + 1; }
};

InkBox ink_box(const MonoBitmap& image) {
  InkBox box{image.width(), image.height(), -1, -1};
  for (int y = 0; y < image.height(); ++y) {
    for (int x = 0; x < image.width(); ++x) {
      if (!image.is_black(x, y)) continue;
      box.left = std::min(box.left, x);
      box.right = std::max(box.right, x);
      box.top = std::min(box.top, y);
      box.bottom = std::max(box.bottom, y);
    }
  }
  return box;
}

bool has_ink(const MonoBitmap& image) { return ink_box(image).right >= 0; }

Receipt one_line(const std::string& text, TextSize size = TextSize::Normal, TextAlign align = TextAlign::Left,
                 int width = 576) {
  return Receipt{width, {TextLine{text, size, align}}};
}

}  // namespace

TEST_CASE("a Chinese and English ticket with a QR code has every glyph") {
  for (int width : {kPaperWidth80mmDots, kPaperWidth58mmDots}) {
    const RenderedReceipt rendered = render_with_default_fonts(queue_ticket(width));
    REQUIRE_MESSAGE(rendered.ok(), rendered.error);
    CHECK(rendered.missing_characters.empty());
    CHECK(rendered.bitmap.width() == width);
    CHECK(rendered.bitmap.height() > 600);
  }
}

TEST_CASE("Chinese characters come from the CJK font") {
  const RenderedReceipt with_fallback = render_with_default_fonts(one_line("咨询"));
  CHECK(with_fallback.missing_characters.empty());
  CHECK(has_ink(with_fallback.bitmap));

  FontPaths latin_only;
  latin_only.cjk = latin_only.latin;
  std::string error;
  std::unique_ptr<FontStack> fonts = FontStack::open(latin_only, error);
  REQUIRE(fonts);
  const RenderedReceipt without_cjk = render_receipt(one_line("咨询"), *fonts);
  CHECK(without_cjk.missing_characters == std::vector<char32_t>{U'咨', U'询'});
  CHECK(without_cjk.bitmap != with_fallback.bitmap);
}

TEST_CASE("characters no font has are reported once each, in order") {
  const RenderedReceipt rendered = render_with_default_fonts(
      Receipt{576, {TextLine{"A\xF0\x9F\x9A\x80 B \xF0\x90\xA4\x80"}, TextLine{"\xF0\x9F\x9A\x80", TextSize::Large}}});
  CHECK(rendered.ok());
  CHECK(rendered.missing_characters == std::vector<char32_t>{0x1F680, 0x10900});  // a rocket, a Phoenician letter
}

TEST_CASE("malformed UTF-8 prints as the replacement character, not nothing") {
  const RenderedReceipt broken = render_with_default_fonts(one_line("A\xE5\x92"));
  const RenderedReceipt replaced = render_with_default_fonts(one_line("A\xEF\xBF\xBD"));
  CHECK(broken.missing_characters.empty());
  CHECK(broken.bitmap == replaced.bitmap);
}

TEST_CASE("a missing font file is a clear error") {
  FontPaths paths;
  paths.cjk = "/nonexistent/wqy.ttc";
  std::string error;
  CHECK_FALSE(FontStack::open(paths, error));
  CHECK(error == "cannot open font /nonexistent/wqy.ttc: No such file or directory");
}

TEST_CASE("centred text is centred and the ticket number is huge") {
  const RenderedReceipt number = render_with_default_fonts(one_line("A012", TextSize::Huge, TextAlign::Center));
  const InkBox box = ink_box(number.bitmap);
  const int left_margin = box.left;
  const int right_margin = number.bitmap.width() - 1 - box.right;
  CHECK(std::abs(left_margin - right_margin) <= 12);  // glyph side bearings differ a little
  CHECK(box.height() >= 85);                          // cap height of 128-pixel text

  const RenderedReceipt normal = render_with_default_fonts(one_line("A012"));
  CHECK(ink_box(normal.bitmap).left <= 2);
  CHECK(ink_box(normal.bitmap).height() < 24);
}

TEST_CASE("long lines wrap within the paper instead of being cut off") {
  const std::string english = "Please listen for your number; a missed number must be taken again at the kiosk.";
  const std::string chinese = "请留意叫号，过号请重新取号，谢谢您的耐心等待，祝您生活愉快。";
  std::string error;
  std::unique_ptr<FontStack> fonts = FontStack::open(FontPaths{}, error);
  REQUIRE(fonts);
  const int line_height = text_line_height(*fonts, TextSize::Normal);
  for (const std::string& text : {english, chinese}) {
    const RenderedReceipt rendered = render_receipt(one_line(text, TextSize::Normal, TextAlign::Left, 384), *fonts);
    CHECK(rendered.bitmap.height() >= 2 * line_height);
    CHECK(rendered.bitmap.height() % line_height == 0);
  }
  const RenderedReceipt one_word =
      render_receipt(one_line(std::string(60, 'W'), TextSize::Normal, TextAlign::Left, 384), *fonts);
  CHECK(one_word.bitmap.height() >= 3 * line_height);  // a word wider than the paper is broken, not dropped

  const RenderedReceipt explicit_break = render_receipt(one_line("line one\nline two"), *fonts);
  CHECK(explicit_break.bitmap.height() == 2 * line_height);
}

TEST_CASE("the QR code's modules read back from the dots match qrencode's matrix") {
  for (int width : {kPaperWidth80mmDots, kPaperWidth58mmDots}) {
    const RenderedReceipt rendered = render_with_default_fonts(Receipt{width, {QrCode{kTicketQrPayload}}});
    REQUIRE(rendered.ok());
    std::unique_ptr<QRcode, decltype(&QRcode_free)> expected(
        QRcode_encodeString(kTicketQrPayload, 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
    REQUIRE(expected);
    const int modules = expected->width;

    // Finder patterns put dark modules in three corners, so the ink box is the symbol.
    const InkBox box = ink_box(rendered.bitmap);
    REQUIRE(box.width() == box.height());
    REQUIRE(box.width() % modules == 0);
    const int module = box.width() / modules;
    CHECK(module >= kQrSmallestModuleDots);
    CHECK(box.top == kQrQuietZoneModules * module);
    CHECK(rendered.bitmap.height() - 1 - box.bottom == kQrQuietZoneModules * module);
    CHECK(box.left >= kQrQuietZoneModules * module);
    CHECK(std::abs(box.left - (width - 1 - box.right)) <= 1);

    int mismatches = 0;
    for (int y = 0; y < modules; ++y) {
      for (int x = 0; x < modules; ++x) {
        const bool printed =
            rendered.bitmap.is_black(box.left + x * module + module / 2, box.top + y * module + module / 2);
        const bool dark = (expected->data[y * modules + x] & 1) != 0;
        if (printed != dark) ++mismatches;
      }
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("receipts that cannot be printed say why") {
  CHECK(render_with_default_fonts(Receipt{500, {}}).error ==
        "paper width 500 dots is not a positive multiple of 8 up to 4096");
  CHECK(render_with_default_fonts(Receipt{576, {QrCode{""}}}).error == "QR payload is empty");
  const RenderedReceipt too_long = render_with_default_fonts(Receipt{384, {QrCode{std::string(2000, 'x')}}});
  CHECK(too_long.error == "QR payload of 2000 bytes is too long for paper 384 dots wide");
  const RenderedReceipt beyond_qr = render_with_default_fonts(Receipt{576, {QrCode{std::string(3000, 'x')}}});
  CHECK(beyond_qr.error == "QR payload of 3000 bytes cannot be encoded");
}
