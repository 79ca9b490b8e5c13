// The request is stored: its code very large (what the customer keeps), how
// to check it later, and what became of the printed receipt.
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {

void draw_request_done(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("done.title"), std::nullopt);
  const float em = ui.em();
  const Palette& p = palette();
  const RequestFlow& r = view.state.request;
  const float width = avail_x();
  const float text_w = std::min(width, 30.0f * em);
  const float x = ImGui::GetCursorPosX() + (width - text_w) / 2;
  ImGui::SetCursorPosX(x);
  paragraph(ui, view.tr("done.code_label"), ui::FontRole::large, p.text_muted, Align::centre, text_w);
  ImGui::SetCursorPosX(x);
  ImFont* huge = ui.font(ui::FontRole::huge);
  const float size = std::min(
      {huge->FontSize, 3.0f * em, text_w / std::max(1.0f, text_width(huge, huge->FontSize, r.code)) * huge->FontSize});
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ui.note_text(r.code, ui::FontRole::huge);
  const float code_w = text_width(huge, size, r.code);
  ImGui::GetWindowDrawList()->AddText(huge, size, ImVec2(at.x + (text_w - code_w) / 2, at.y), u32(p.selected),
                                      r.code.c_str());
  ImGui::Dummy(ImVec2(text_w, size * 1.1f));
  ImGui::SetCursorPosX(x);
  paragraph(ui, view.tr("done.keep"), ui::FontRole::body, p.text, Align::centre, text_w);
  gap(ui, 0.4f);
  const char* receipt_key = nullptr;
  ImVec4 fill = p.info;
  switch (r.receipt) {
    case ReceiptStatus::Printing:
      receipt_key = "done.printing";
      break;
    case ReceiptStatus::Printed:
      receipt_key = "done.printed", fill = p.success;
      break;
    case ReceiptStatus::Failed:
      receipt_key = "done.print_failed", fill = p.danger;
      break;
    case ReceiptStatus::ScreenOnly:
      break;
  }
  if (receipt_key) {
    ImGui::SetCursorPosX(x);
    banner(ui, view.tr(receipt_key), fill, ui::FontRole::body, text_w);
  }
  if (avail_y() > 3.4f * em) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + avail_y() - 3.4f * em);
  ImGui::SetCursorPosX(x);
  if (button(ui, "done.finish", view.tr("app.done"), ImVec2(text_w / em, 3.2f), Tone::primary)) emit(BackToWelcome{});
}

}  // namespace kiosk::customer::kit
