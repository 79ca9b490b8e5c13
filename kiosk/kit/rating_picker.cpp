// Rating faces and reason toggles (see rating_picker.h).
#include "kit/rating_picker.h"

#include <algorithm>

#include "kit/shapes.h"
#include "kit/touch_kit.h"

namespace kiosk::kit {

int rating_faces(ui::TouchUi& ui, int chosen, const std::function<std::string(int score)>& caption_of, float width,
                 float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const float face_w = cell_width(ui, width, 5, 0.5f);
  const float x = ImGui::GetCursorPosX();
  int tapped = 0;
  for (int score = 1; score <= 5; ++score) {
    if (score > 1)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    const bool selected = chosen == score;
    const Tile t = tile(ui, "score." + std::to_string(score), ImVec2(face_w / em, height / em),
                        selected ? Tone::selected : Tone::normal);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string caption = caption_of(score);
    const float caption_h = wrapped_height(ui, caption, ui::FontRole::body, face_w - 0.6f * em);
    const float radius = std::max(0.5f * em, std::min(face_w * 0.36f, (height - caption_h - 1.0f * em) * 0.5f));
    const ImVec2 centre((t.min.x + t.max.x) / 2, t.min.y + 0.45f * em + radius);
    if (selected) draw->AddCircle(centre, radius + 0.22f * em, u32(p.text_on_selected), 48, 0.16f * em);
    draw_face(draw, centre, radius, score, chosen != 0 && !selected);
    text_in_rect(ui, draw, caption, ui::FontRole::body, u32(selected ? p.text_on_selected : p.text),
                 ImVec2(t.min.x + 0.3f * em, centre.y + radius + 0.2f * em),
                 ImVec2(t.max.x - 0.3f * em, t.max.y - 0.2f * em), Align::centre);
    if (selected) draw_check_badge(draw, ImVec2(t.max.x - 0.8f * em, t.min.y + 0.8f * em), 0.55f * em);
    if (t.clicked) tapped = score;
  }
  return tapped;
}

std::string rating_reasons(ui::TouchUi& ui, const std::vector<std::string>& codes, const std::set<std::string>& on,
                           const std::function<std::string(const std::string& code)>& label, float width, int columns) {
  const float em = ui.em();
  const float cell_w = cell_width(ui, width, columns, 0.5f) / em;
  const float x = ImGui::GetCursorPosX();
  std::string tapped;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (i % static_cast<std::size_t>(columns) != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    if (toggle(ui, "reason." + codes[i], label(codes[i]), on.count(codes[i]) > 0, ImVec2(cell_w, 2.8f)))
      tapped = codes[i];
  }
  return tapped;
}

}  // namespace kiosk::kit
