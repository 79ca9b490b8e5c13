// The customer screens' own shared parts: the top bar and helpers over the state.
#include "customer/screens/customer_kit.h"

#include "requests/request_validation.h"

namespace kiosk::customer::kit {

bool top_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
             std::optional<Action> back, std::string_view subtitle, std::string_view back_label) {
  const float em = ui.em();
  constexpr float kBarEm = 2.8f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = avail_x();
  const std::string& language_label = view.tr("app.language_switch");
  ImFont* body = ui.font(ui::FontRole::body);
  const float button_em = std::max(5.5f, (text_width(body, body->FontSize, language_label) + 1.6f * em) / em);
  float title_x = start.x;
  if (back) {
    if (button(ui, "back", view.tr(back_label), ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
      emit(*back);
    title_x = ImGui::GetItemRectMax().x + 0.8f * em;
  }
  const float language_x = start.x + width - button_em * em;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The title: large if it fits on one line, else body size wrapped.
  const ImVec2 title_min(title_x, start.y), title_max(language_x - 0.5f * em, start.y + kBarEm * em);
  ImFont* large = ui.font(ui::FontRole::large);
  const bool fits = text_width(large, large->FontSize, title) <= title_max.x - title_min.x;
  text_in_rect(ui, draw, title, fits ? ui::FontRole::large : ui::FontRole::body, u32(palette().text), title_min,
               title_max, Align::left);
  bool subtitle_drawn = false;
  if (!subtitle.empty() && fits) {
    const float subtitle_x = title_min.x + text_width(large, large->FontSize, title) + 1.0f * em;
    if (subtitle_x + text_width(body, body->FontSize, subtitle) <= title_max.x) {
      text_in_rect(ui, draw, subtitle, ui::FontRole::body, u32(palette().text_muted),
                   ImVec2(subtitle_x, title_min.y + 0.15f * em), ImVec2(title_max.x, title_max.y + 0.15f * em),
                   Align::left);
      subtitle_drawn = true;
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(language_x, start.y));
  if (button(ui, "lang", language_label, ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
    emit(SwitchLanguage{});
  const float line_y = start.y + kBarEm * em + 0.35f * em;
  draw->AddLine(ImVec2(start.x, line_y), ImVec2(start.x + width, line_y), u32(palette().surface), 0.08f * em);
  ImGui::SetCursorScreenPos(ImVec2(start.x, line_y + 0.35f * em));
  ImGui::Dummy(ImVec2(width, 0));
  return subtitle_drawn;
}

void entry_tile(ui::TouchUi& ui, const char* id, const std::string& label, const std::string& typed,
                const std::string& hint, bool focused, float width, const Emit& emit, const Action& on_tap) {
  paragraph(ui, label, ui::FontRole::body, palette().text_muted, Align::left, width);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const Tile t = tile(ui, id, ImVec2(width / ui.em(), 3.2f), Tone::normal);
  const ImVec2 after = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(at);
  entry_box(ui, typed, hint, width, focused ? palette().primary : palette().tile);
  ImGui::SetCursorScreenPos(after);
  if (t.clicked) emit(on_tap);
}

// [SECTION] Helpers over the state

const ServiceView* find_service(const CustomerState& state, std::string_view code) {
  for (const ServiceView& service : state.services)
    if (service.code == code) return &service;
  return nullptr;
}

const std::string& service_name(const CustomerView& view, const ServiceView& service) {
  return view.state.language == Language::Zh ? service.name_zh : service.name_en;
}

std::string error_text(const CustomerView& view, const std::string& code) {
  if (code.empty()) return {};
  return view.tr("error." + code, {error_limit(code)});  // the domain's limit, never a copy in the texts
}

}  // namespace kiosk::customer::kit
