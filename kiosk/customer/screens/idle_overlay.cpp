// The idle countdown: when nobody has touched the screen for a while, a dimmed
// layer in its own window covers the screen (taps no longer reach it; a tap
// anywhere means "still here") with a card: the question, the seconds left
// before everything typed is wiped, and a big "I'm still here" button.
#include <cmath>

#include "customer/customer_reducer.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {

void draw_idle_overlay(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  const std::optional<EpochMs> left = idle_countdown_left(view.state, view.now, view.timings);
  if (!left) return;
  const long seconds = static_cast<long>((*left + 999) / 1000);  // round up: "0" only at the very end
  const float em = ui.em();
  const Palette& p = palette();
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  ImGui::SetNextWindowFocus();  // above the screen panel, so it gets every tap
  ImGui::PushStyleColor(ImGuiCol_WindowBg, p.dim);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("idle_overlay", nullptr, kFlags);
  ImGui::PopStyleColor();

  const std::string& title = view.tr("idle.title");
  const std::string body = view.tr("idle.body", {std::to_string(seconds)});
  const std::string& again = view.tr("idle.continue");
  const float card_w = std::min(viewport->Size.x - 2 * em, 24.0f * em);
  const float pad = 1.0f * em;
  const float inner = card_w - 2 * pad;
  const float ring = 2.2f * em;
  const float card_h = pad + wrapped_height(ui, title, ui::FontRole::large, inner) + 0.5f * em + 2 * ring + 0.6f * em +
                       wrapped_height(ui, body, ui::FontRole::body, inner) + 0.8f * em + 3.6f * em + pad;
  const ImVec2 card_min(viewport->Pos.x + (viewport->Size.x - card_w) / 2,
                        viewport->Pos.y + std::max(em, (viewport->Size.y - card_h) / 2));
  const ImVec2 card_max(card_min.x + card_w, card_min.y + card_h);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(card_min, card_max, u32(p.surface), 0.4f * em);
  draw->AddRect(card_min, card_max, u32(p.warning), 0.4f * em, 0, 0.12f * em);

  float y = card_min.y + pad;
  ImGui::SetCursorScreenPos(ImVec2(card_min.x + pad, y));
  paragraph(ui, title, ui::FontRole::large, p.text, Align::centre, inner);
  // The seconds in a ring that empties as time runs out.
  y = ImGui::GetCursorScreenPos().y;
  const ImVec2 centre(card_min.x + card_w / 2, y + ring);
  const float share =
      view.timings.idle_countdown > 0
          ? std::clamp(static_cast<float>(*left) / static_cast<float>(view.timings.idle_countdown), 0.0f, 1.0f)
          : 0.0f;
  draw->AddCircle(centre, ring - 0.15f * em, u32(p.tile), 64, 0.3f * em);
  if (share > 0) {
    const float start = -3.14159265f / 2;
    draw->PathArcTo(centre, ring - 0.15f * em, start, start + share * 2 * 3.14159265f, 64);
    draw->PathStroke(u32(p.warning), 0, 0.3f * em);
  }
  text_in_rect(ui, draw, std::to_string(seconds), ui::FontRole::large, u32(p.text),
               ImVec2(centre.x - ring, centre.y - ring), ImVec2(centre.x + ring, centre.y + ring), Align::centre);
  ImGui::SetCursorScreenPos(ImVec2(card_min.x + pad, y + 2 * ring + 0.6f * em));
  paragraph(ui, body, ui::FontRole::body, p.text_muted, Align::centre, inner);
  ImGui::SetCursorScreenPos(ImVec2(card_min.x + pad, card_max.y - pad - 3.6f * em));
  bool still_here = button(ui, "idle.continue", again, ImVec2(inner / em, 3.6f), Tone::primary);
  // A tap anywhere else on the dimmed layer counts too.
  if (!still_here && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
      ImGui::IsMouseReleased(0))
    still_here = true;
  if (still_here) emit(StillHere{});
  ImGui::End();
}

}  // namespace kiosk::customer::kit
