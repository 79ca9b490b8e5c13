// The shared sample receipts of the printer tests.
#include "sample_receipts.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace kiosk::printer::test {

Receipt queue_ticket(int paper_width_dots) {
  Receipt ticket;
  ticket.paper_width_dots = paper_width_dots;
  ticket.blocks = {
      TextLine{"星河广场便民服务中心", TextSize::Large, TextAlign::Center, true},
      TextLine{"Galaxy Plaza Service Centre", TextSize::Normal, TextAlign::Center},
      HorizontalRule{},
      TextLine{"您的号码 Your number", TextSize::Normal, TextAlign::Center},
      TextLine{"A012", TextSize::Huge, TextAlign::Center, true},
      TextLine{"咨询 Consultation", TextSize::Large, TextAlign::Center, true},
      BlankLines{1},
      TextLine{"前面还有 3 人 · 3 people ahead", TextSize::Normal, TextAlign::Center},
      TextLine{"取号时间 Issued 2026-11-22 14:05", TextSize::Normal, TextAlign::Center},
      HorizontalRule{},
      QrCode{kTicketQrPayload},
      TextLine{"扫码查看排队进度 Scan to follow your place", TextSize::Normal, TextAlign::Center},
      BlankLines{1},
      TextLine{"请留意叫号，过号请重新取号。Please listen for your number; a missed number must be taken again.",
               TextSize::Normal, TextAlign::Left},
  };
  return ticket;
}

RenderedReceipt render_with_default_fonts(const Receipt& receipt) {
  std::string error;
  std::unique_ptr<FontStack> fonts = FontStack::open(FontPaths{}, error);
  REQUIRE_MESSAGE(fonts, error);
  return render_receipt(receipt, *fonts);
}

}  // namespace kiosk::printer::test
