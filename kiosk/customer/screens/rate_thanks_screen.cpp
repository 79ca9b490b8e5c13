// Rate, step three: thank you. A large drawn check mark, the thanks, and a
// done button (the screen also returns to Welcome by itself).
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {

void draw_rate_thanks(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("rate.title"), std::nullopt);
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const float radius = std::min(3.2f * em, avail_y() * 0.18f);
  const float block = 2 * radius + 1.0f * em + line_height(ui, ui::FontRole::large) +
                      line_height(ui, ui::FontRole::body) + 1.5f * em + 3.4f * em;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail_y() - block) / 2));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 centre(at.x + width / 2, at.y + radius);
  draw->AddCircleFilled(centre, radius, u32(p.success), 64);
  draw_check(draw, centre, 1.2f * radius, u32(p.text), 0.16f * radius);
  ImGui::Dummy(ImVec2(width, 2 * radius + 1.0f * em));
  paragraph(ui, view.tr("rate.thanks"), ui::FontRole::large, p.text, Align::centre, width);
  paragraph(ui, view.tr("rate.thanks_sub"), ui::FontRole::body, p.text_muted, Align::centre, width);
  gap(ui, 1.0f);
  const float done_w = std::min(width / em, 12.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - done_w * em) / 2);
  if (button(ui, "thanks.done", view.tr("app.done"), ImVec2(done_w, 3.4f), Tone::primary)) emit(BackToWelcome{});
}

}  // namespace kiosk::customer::kit
