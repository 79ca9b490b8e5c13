// The counter screens' shared parts: top bar, link banner, shortcut buttons.
#include "counter/screens/counter_kit.h"

#include <algorithm>

#include "counter/counter_reducer.h"
#include "counter/screens/console_keys.h"

namespace kiosk::counter::screens {

void top_bar(ui::TouchUi& ui, const CounterView& view, const Emit& emit, std::string_view title) {
  const float em = ui.em();
  constexpr float kBarEm = 2.4f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = avail_x();
  const bool logged_in = !view.state.staff_name.empty();
  const std::string& language_label = view.tr("app.language_switch");
  // Room for the label and, on both sides, the shortcut (see shortcut_button).
  const float key_w = text_width(ui, shortcut_label("logout"), ui::FontRole::body, 0.75f) + 0.4f * em;
  const float logout_w = text_width(ui, view.tr("counter.logout"), ui::FontRole::body) + 2 * key_w + 0.6f * em;
  const float button_em =
      std::max({5.0f, logout_w / em, (text_width(ui, language_label, ui::FontRole::body) + 1.4f * em) / em});
  const float buttons_w = (logged_in ? 2 * button_em + 0.5f : button_em) * em;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 title_min(start.x, start.y), title_max(start.x + width - buttons_w - 0.5f * em, start.y + kBarEm * em);
  const bool fits = text_width(ui, title, ui::FontRole::large) <= title_max.x - title_min.x;
  text_in_rect(ui, draw, title, fits ? ui::FontRole::large : ui::FontRole::body, u32(palette().text), title_min,
               title_max, Align::left);
  ImGui::SetCursorScreenPos(ImVec2(start.x + width - buttons_w, start.y));
  if (button(ui, "lang", language_label, ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
    emit(SwitchLanguage{});
  if (logged_in) {
    ImGui::SameLine();
    if (shortcut_button(ui, "logout", view.tr("counter.logout"), shortcut_label("logout"), ImVec2(button_em, kBarEm),
                        Tone::normal, ui::FontRole::body))
      emit(Logout{});
  }
  const float line_y = start.y + kBarEm * em + 0.3f * em;
  draw->AddLine(ImVec2(start.x, line_y), ImVec2(start.x + width, line_y), u32(palette().surface), 0.08f * em);
  ImGui::SetCursorScreenPos(ImVec2(start.x, line_y + 0.3f * em));
  ImGui::Dummy(ImVec2(width, 0));
}

void link_banner(ui::TouchUi& ui, const CounterView& view) {
  if (!view.state.link.down) return;
  const int seconds = retry_seconds_left(view.state, view.now);
  const std::string text = seconds > 0 ? view.tr("counter.link.down", {view.store_url, std::to_string(seconds)})
                                       : view.tr("counter.link.retrying", {view.store_url});
  banner(ui, text, palette().danger);
}

bool shortcut_button(ui::TouchUi& ui, std::string_view id, std::string_view label, std::string_view key, ImVec2 size_em,
                     Tone tone, ui::FontRole role) {
  const Tile t = tile(ui, id, size_em, tone);
  const Palette& p = palette();
  const float em = ui.em();
  const bool enabled = tone != Tone::disabled;
  const ImVec4& ink = !enabled ? p.text_disabled : tone == Tone::selected ? p.text_on_selected : p.text;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float key_w = key.empty() ? 0 : text_width(ui, key, ui::FontRole::body, 0.75f) + 0.4f * em;
  const float side = std::max(0.4f * em, key_w);
  // The label centred between equal margins so the key never covers it.
  const float inner_w = t.max.x - t.min.x - 2 * side;
  // As many lines of `role` as the button's height holds (at most two), else the body font.
  const int lines = std::clamp(int((t.max.y - t.min.y - 0.2f * em) / line_height(ui, role)), 1, 2);
  const ui::FontRole label_role = role == ui::FontRole::body ? role : fitting_role(ui, label, inner_w, lines, role);
  text_in_rect(ui, draw, label, label_role, u32(ink), ImVec2(t.min.x + side, t.min.y), ImVec2(t.max.x - side, t.max.y),
               Align::centre);
  if (!key.empty()) {
    ImVec4 faded = ink;
    faded.w = 0.75f;
    text_in_rect(ui, draw, key, ui::FontRole::body, u32(faded), ImVec2(t.max.x - key_w, t.min.y + 0.1f * em),
                 ImVec2(t.max.x - 0.2f * em, t.min.y + 1.1f * em), Align::left, 0.75f);
  }
  if (!enabled) return false;
  return t.clicked || (!key.empty() && shortcut_pressed(key));
}

ui::FontRole uniform_role(ui::TouchUi& ui, const std::vector<std::string>& labels, float width_em) {
  for (const std::string& label : labels)
    if (text_width(ui, label, ui::FontRole::large) > (width_em - 2.4f) * ui.em()) return ui::FontRole::body;
  return ui::FontRole::large;
}

std::string service_name(const CounterView& view, std::string_view code) {
  if (const ServiceLine* s = find_service(view.state, code))
    return view.state.language == Language::Zh ? s->name_zh : s->name_en;
  return std::string(code);
}

}  // namespace kiosk::counter::screens
