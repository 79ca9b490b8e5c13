// The customer screens' own shared parts: the top bar and helpers over the state.
#include "customer/screens/customer_kit.h"

#include "requests/request_validation.h"

namespace kiosk::customer::kit {

BarSlot bar_buttons(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::optional<Action> back,
                    std::string_view back_label) {
  const float em = ui.em();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = avail_x();
  const std::string& language_label = view.tr("app.language_switch");
  ImFont* body = ui.font(ui::FontRole::body);
  const float button_em = std::max(5.5f, (text_width(body, body->FontSize, language_label) + 1.6f * em) / em);
  float slot_x = start.x;
  if (back) {
    if (button(ui, "back", view.tr(back_label), ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
      emit(*back);
    slot_x = ImGui::GetItemRectMax().x + 0.8f * em;
  }
  const float language_x = start.x + width - button_em * em;
  ImGui::SetCursorScreenPos(ImVec2(language_x, start.y));
  if (button(ui, "lang", language_label, ImVec2(button_em, kBarEm), Tone::normal, ui::FontRole::body))
    emit(SwitchLanguage{});
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float line_y = start.y + kBarEm * em + 0.35f * em;
  draw->AddLine(ImVec2(start.x, line_y), ImVec2(start.x + width, line_y), u32(palette().surface), 0.08f * em);
  ImGui::SetCursorScreenPos(ImVec2(start.x, line_y + 0.35f * em));
  ImGui::Dummy(ImVec2(width, 0));
  return {ImVec2(slot_x, start.y), ImVec2(language_x - 0.5f * em, start.y + kBarEm * em)};
}

float bar_title(ui::TouchUi& ui, const BarSlot& slot, std::string_view title) {
  const bool fits = text_width(ui, title, ui::FontRole::large) <= slot.max.x - slot.min.x;
  const ui::FontRole role = fits ? ui::FontRole::large : ui::FontRole::body;
  text_in_rect(ui, ImGui::GetWindowDrawList(), title, role, u32(palette().text), slot.min, slot.max, Align::left);
  return std::min(slot.max.x, slot.min.x + text_width(ui, title, role));
}

bool top_bar(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
             std::optional<Action> back, std::string_view subtitle, std::string_view back_label) {
  const float em = ui.em();
  const BarSlot slot = bar_buttons(ui, view, emit, std::move(back), back_label);
  // The title: large if it fits on one line, else body size wrapped.
  const bool title_large = text_width(ui, title, ui::FontRole::large) <= slot.max.x - slot.min.x;
  const float title_end = bar_title(ui, slot, title);
  if (subtitle.empty() || !title_large) return false;
  ImFont* body = ui.font(ui::FontRole::body);
  const float subtitle_x = title_end + 1.0f * em;
  if (subtitle_x + text_width(body, body->FontSize, subtitle) > slot.max.x) return false;
  text_in_rect(ui, ImGui::GetWindowDrawList(), subtitle, ui::FontRole::body, u32(palette().text_muted),
               ImVec2(subtitle_x, slot.min.y + 0.15f * em), ImVec2(slot.max.x, slot.max.y + 0.15f * em), Align::left);
  return true;
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

void thanks_screen(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, std::string_view title,
                   std::string_view thanks, std::string_view below) {
  top_bar(ui, view, emit, title, std::nullopt);
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const float radius = std::min(3.2f * em, avail_y() * 0.18f);
  const float spacing = 4 * ImGui::GetStyle().ItemSpacing.y;  // between the five items below
  const float block = 2 * radius + 1.0f * em + wrapped_height(ui, thanks, ui::FontRole::large, width) +
                      wrapped_height(ui, below, ui::FontRole::body, width) + 1.0f * em + 3.4f * em + spacing;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail_y() - block) / 2));
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 centre(at.x + width / 2, at.y + radius);
  draw->AddCircleFilled(centre, radius, u32(p.success), 64);
  draw_check(draw, centre, 1.2f * radius, u32(p.text), 0.16f * radius);
  ImGui::Dummy(ImVec2(width, 2 * radius + 1.0f * em));
  paragraph(ui, thanks, ui::FontRole::large, p.text, Align::centre, width);
  paragraph(ui, below, ui::FontRole::body, p.text_muted, Align::centre, width);
  gap(ui, 1.0f);
  const float done_w = std::min(width / em, 12.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - done_w * em) / 2);
  if (button(ui, "thanks.done", view.tr("app.done"), ImVec2(done_w, 3.4f), Tone::primary)) emit(BackToWelcome{});
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

std::string duration_text(const CustomerView& view, std::int64_t ms) {
  const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
  if (s < 120) return view.tr("admin.seconds", {std::to_string(s)});
  if (s < 2 * 3600) return view.tr("admin.minutes", {std::to_string(s / 60)});
  if (s < 2 * 86400) return view.tr("admin.hours", {std::to_string(s / 3600)});
  return view.tr("admin.days", {std::to_string(s / 86400)});
}

std::string error_text(const CustomerView& view, const std::string& code) {
  if (code.empty()) return {};
  return view.tr("error." + code, {error_limit(code)});  // the domain's limit, never a copy in the texts
}

}  // namespace kiosk::customer::kit
