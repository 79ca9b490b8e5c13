// Receipts the printer tests share: a realistic bilingual queue ticket, and a
// helper that renders a receipt with the default fonts.
#pragma once

#include "printer/receipt.h"
#include "printer/receipt_raster.h"

namespace kiosk::printer::test {

inline constexpr const char* kTicketQrPayload = "https://queue.example.com/t/7f3c9a2e-A012";

// Store name, big ticket number A012, service 咨询 Consultation, people ahead, time, QR.
Receipt queue_ticket(int paper_width_dots = kPaperWidth80mmDots);

// Renders with the default FontPaths; fails the test if the fonts cannot be opened.
RenderedReceipt render_with_default_fonts(const Receipt& receipt);

}  // namespace kiosk::printer::test
