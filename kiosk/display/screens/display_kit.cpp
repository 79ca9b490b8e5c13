// BoardPainter: bilingual texts and logged, fitted text drawing for the board.
#include "display/screens/display_kit.h"

#include "display/display_reducer.h"

namespace kiosk::display {

BoardPainter::BoardPainter(ui::TouchUi& ui, const BoardView& view)
    : ui_(ui),
      view_(view),
      draw_(ImGui::GetWindowDrawList()),
      lead_(leading_language(view.state, view.now, view.timings)) {}

Bilingual BoardPainter::tr(std::string_view key, std::initializer_list<std::string> values) const {
  const app::Language other = chinese_leads() ? app::Language::En : app::Language::Zh;
  return {view_.texts.format(key, lead_, values), view_.texts.format(key, other, values)};
}

Bilingual BoardPainter::names(const ServiceCount& service) const {
  return chinese_leads() ? Bilingual{service.name_zh, service.name_en} : Bilingual{service.name_en, service.name_zh};
}

float BoardPainter::text(std::string_view text, ui::FontRole role, const ImVec4& colour, ImVec2 min, ImVec2 max,
                         kit::Align align, float scale) const {
  if (view_.drawn_texts) view_.drawn_texts->emplace_back(text);
  return kit::text_in_rect(ui_, draw_, text, role, kit::u32(colour), min, max, align, scale);
}

float BoardPainter::fit(std::string_view text, ui::FontRole role, float width, float scale, float min_scale) const {
  const float natural = kit::text_width(ui_, text, role, scale);
  if (natural <= width) return scale;
  return std::max(min_scale, 0.98f * scale * width / natural);  // a hair narrower: never wrapped by rounding
}

void BoardPainter::card(ImVec2 min, ImVec2 max, const ImVec4& fill) const {
  draw_->AddRectFilled(min, max, kit::u32(fill), 0.35f * em());
}

}  // namespace kiosk::display
