// Coming soon: repair/installation requests and request status are not on the
// kiosk yet. Says so kindly and offers a number for the counter instead.
#include <cmath>

#include "customer/screens/screen_kit.h"

namespace kiosk::customer::kit {
namespace {

// A clock face drawn from shapes: "later".
void draw_clock(ImDrawList* draw, ImVec2 centre, float r) {
  const Palette& p = palette();
  draw->AddCircleFilled(centre, r, u32(p.info), 64);
  draw->AddCircle(centre, r, u32(p.text), 64, 0.08f * r);
  for (int hour = 0; hour < 12; ++hour) {
    const float angle = static_cast<float>(hour) * 3.14159265f / 6;
    const ImVec2 dir(std::sin(angle), -std::cos(angle));
    draw->AddLine(ImVec2(centre.x + dir.x * 0.78f * r, centre.y + dir.y * 0.78f * r),
                  ImVec2(centre.x + dir.x * 0.9f * r, centre.y + dir.y * 0.9f * r), u32(p.text), 0.06f * r);
  }
  draw->AddLine(centre, ImVec2(centre.x, centre.y - 0.62f * r), u32(p.text), 0.09f * r);
  draw->AddLine(centre, ImVec2(centre.x + 0.42f * r, centre.y + 0.1f * r), u32(p.text), 0.09f * r);
  draw->AddCircleFilled(centre, 0.09f * r, u32(p.text), 16);
}

}  // namespace

void draw_coming_soon(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const bool request = view.state.coming_soon == ComingSoonTopic::Request;
  const std::string& title = view.tr(request ? "soon.request_title" : "soon.check_title");
  top_bar(ui, view, emit, title, BackToWelcome{});
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const float text_w = std::min(width, 26.0f * em);
  const std::string& body = view.tr("soon.body");
  const float radius = std::min(2.4f * em, avail_y() * 0.15f);
  const float fixed = 2 * radius + 1.0f * em + 2.6f * em + 3.6f * em;  // with the spacing between items
  const ui::FontRole body_role =
      fixed + wrapped_height(ui, body, ui::FontRole::large, text_w) <= avail_y() ? ui::FontRole::large : ui::FontRole::body;
  const float block = fixed + wrapped_height(ui, body, body_role, text_w);
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail_y() - block) / 2));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_clock(ImGui::GetWindowDrawList(), ImVec2(at.x + width / 2, at.y + radius), radius);
  ImGui::Dummy(ImVec2(width, 2 * radius + 1.0f * em));
  const float x = ImGui::GetCursorPosX();
  ImGui::SetCursorPosX(x + (width - text_w) / 2);
  paragraph(ui, body, body_role, p.text, Align::centre, text_w);
  gap(ui, 1.0f);
  const float take_w = std::min(width / em, std::max(14.0f, text_width(ui, view.tr("soon.take_number"), ui::FontRole::large) / em + 3));
  ImGui::SetCursorPosX(x + (width - take_w * em) / 2);
  if (button(ui, "soon.take", view.tr("soon.take_number"), ImVec2(take_w, 3.6f), Tone::primary)) emit(OpenTakeNumber{});
}

}  // namespace kiosk::customer::kit
