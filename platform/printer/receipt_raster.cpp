// Receipt rendering: each block becomes a strip of rows appended below the last.
#include "printer/receipt_raster.h"

#include <algorithm>

#include "printer/qr_raster.h"
#include "printer/text_raster.h"

namespace kiosk::printer {

namespace {

constexpr int kLargestPaperWidthDots = 4096;
constexpr int kRuleThicknessDots = 2;
constexpr int kRuleMarginDots = 10;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

void note_missing(std::vector<char32_t>& all, const std::vector<char32_t>& found) {
  for (char32_t c : found) {
    if (std::find(all.begin(), all.end(), c) == all.end()) all.push_back(c);
  }
}

MonoBitmap render_rule(int width_dots) {
  MonoBitmap rule(width_dots, kRuleMarginDots * 2 + kRuleThicknessDots);
  rule.fill_rect(0, kRuleMarginDots, width_dots, kRuleThicknessDots);
  return rule;
}

}  // namespace

RenderedReceipt render_receipt(const Receipt& receipt, FontStack& fonts) {
  const int width = receipt.paper_width_dots;
  if (width <= 0 || width % 8 != 0 || width > kLargestPaperWidthDots) {
    return {{},
            {},
            "paper width " + std::to_string(width) + " dots is not a positive multiple of 8 up to " +
                std::to_string(kLargestPaperWidthDots)};
  }
  RenderedReceipt rendered{MonoBitmap(width, 0), {}, {}};
  for (const ReceiptBlock& block : receipt.blocks) {
    std::visit(
        Overloaded{
            [&](const TextLine& line) {
              RenderedText text = render_text_line(fonts, line, width);
              note_missing(rendered.missing_characters, text.missing_characters);
              rendered.bitmap.append_below(text.bitmap);
            },
            [&](const QrCode& qr) {
              RenderedQr code = render_qr_code(qr.payload, width);
              if (code.error.empty())
                rendered.bitmap.append_below(code.bitmap);
              else if (rendered.error.empty())
                rendered.error = code.error;
            },
            [&](const HorizontalRule&) { rendered.bitmap.append_below(render_rule(width)); },
            [&](const BlankLines& blank) {
              rendered.bitmap.append_white_rows(std::max(0, blank.count) * text_line_height(fonts, TextSize::Normal));
            },
        },
        block);
  }
  return rendered;
}

}  // namespace kiosk::printer
