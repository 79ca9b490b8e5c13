// Login: the staff member's name (on-screen letters or the keyboard) and a
// masked PIN on a numeric pad; refusals in plain words (wrong PIN, locked out
// for N minutes, node unreachable).
#include <cctype>

#include "counter/screens/console_keys.h"
#include "counter/screens/console_kit.h"

namespace kiosk::counter::screens {
namespace {

// A field to type into: its caption above, the content inside, framed when it has the focus.
void field(ui::TouchUi& ui, const CounterView& view, const Emit& emit, LoginField which, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  const LoginForm& form = view.state.login;
  const bool focused = form.field == which;
  const bool is_name = which == LoginField::Name;
  paragraph(ui, view.tr(is_name ? "counter.login.name" : "counter.login.pin"), ui::FontRole::body, p.text_muted,
            Align::left, width);
  const Tile t = tile(ui, is_name ? "login.name" : "login.pin", ImVec2(width / em, 2.8f), Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (focused) draw->AddRect(t.min, t.max, u32(p.selected), 0.25f * em, 0, 0.15f * em);
  const ImVec2 inner_min(t.min.x + 0.7f * em, t.min.y), inner_max(t.max.x - 0.7f * em, t.max.y);
  const float mid_y = (t.min.y + t.max.y) / 2;
  if (is_name && !form.name.empty()) {
    text_in_rect(ui, draw, form.name, ui::FontRole::large, u32(p.text), inner_min, inner_max, Align::left);
  } else if (!is_name && !form.pin.empty()) {
    for (std::size_t i = 0; i < form.pin.size(); ++i)  // drawn dots: no glyph needed
      draw->AddCircleFilled(ImVec2(inner_min.x + (0.45f + 1.2f * float(i)) * em, mid_y), 0.35f * em, u32(p.text));
  } else {
    text_in_rect(ui, draw, view.tr(is_name ? "counter.login.name_hint" : "counter.login.pin_hint"), ui::FontRole::body,
                 u32(p.text_disabled), inner_min, inner_max, Align::left);
  }
  if (t.clicked) emit(FocusField{which});
}

// The letters keyboard: three QWERTY rows, then space, delete and clear.
// Each word starts with a capital ("Li Na").
void letter_keys(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  static const char* const kRows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
  const std::string& name = view.state.login.name;
  const bool capital = name.empty() || name.back() == ' ';
  const float key_w = cell_width(ui, width, 10, 0.3f) / em;
  const ImVec2 origin = ImGui::GetCursorPos();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.3f * em, 0.3f * em));
  for (int row = 0; row < 3; ++row) {
    const std::string_view keys = kRows[row];
    ImGui::SetCursorPosX(origin.x + (10 - float(keys.size())) * (key_w + 0.3f) * em / 2);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i) ImGui::SameLine();
      const char upper = keys[i];
      const char typed = capital ? upper : static_cast<char>(std::tolower(upper));
      if (button(ui, std::string("key.") + upper, std::string(1, typed), ImVec2(key_w, 2.6f), Tone::normal))
        emit(TypeKey{typed});
    }
  }
  ImGui::SetCursorPosX(origin.x);
  const float third = cell_width(ui, width, 4, 0.3f) / em;
  if (button(ui, "key.space", view.tr("counter.key.space"), ImVec2(2 * third + 0.3f, 2.6f), Tone::normal,
             ui::FontRole::body))
    emit(TypeKey{' '});
  ImGui::SameLine();
  if (button(ui, "key.del", view.tr("counter.key.delete"), ImVec2(third, 2.6f), Tone::normal, ui::FontRole::body))
    emit(TypeKey{'<'});
  ImGui::SameLine();
  if (button(ui, "key.clear", view.tr("counter.key.clear"), ImVec2(third, 2.6f), Tone::normal, ui::FontRole::body))
    emit(TypeKey{'*'});
  ImGui::PopStyleVar();
}

void digit_keys(ui::TouchUi& ui, const CounterView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const float key_w = cell_width(ui, width, 3, 0.4f) / em;
  const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '<'};
  const float x = ImGui::GetCursorPosX();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.4f * em, 0.4f * em));
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0) ImGui::SameLine();
    else ImGui::SetCursorPosX(x);
    const char key = keys[i];
    bool tapped;
    if (key == '*') tapped = button(ui, "key.clear", view.tr("counter.key.clear"), ImVec2(key_w, 2.8f), Tone::normal, ui::FontRole::body);
    else if (key == '<') tapped = button(ui, "key.del", view.tr("counter.key.delete"), ImVec2(key_w, 2.8f), Tone::normal, ui::FontRole::body);
    else tapped = button(ui, std::string("key.") + key, std::string(1, key), ImVec2(key_w, 2.8f), Tone::normal);
    if (tapped) emit(TypeKey{key});
  }
  ImGui::PopStyleVar();
}

}  // namespace

void draw_login(ui::TouchUi& ui, const CounterView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("counter.login.title", {std::to_string(view.counter)}));
  link_banner(ui, view);
  read_login_keys(view, emit);
  const float em = ui.em();
  const Palette& p = palette();
  const LoginForm& form = view.state.login;
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float left_w = wide ? width * 0.42f : width;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  if (!view.state.notice.empty()) banner(ui, view.tr(view.state.notice), p.info, ui::FontRole::body, left_w);
  field(ui, view, emit, LoginField::Name, left_w);
  gap(ui, 0.3f);
  field(ui, view, emit, LoginField::Pin, left_w);
  gap(ui, 0.5f);
  if (!form.error.empty()) banner(ui, view.tr(form.error), p.danger, ui::FontRole::body, left_w);
  const std::string& submit = view.tr(form.busy ? "counter.login.checking" : "counter.login.submit");
  if (button(ui, "login.submit", submit, ImVec2(left_w / em, 3.2f), form.busy ? Tone::disabled : Tone::primary) &&
      !form.busy)
    emit(SubmitLogin{});
  ImGui::EndGroup();
  if (wide) ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.2f * em, top.y + 1.4f * em));
  else gap(ui, 0.5f);
  const float keys_w = wide ? width - left_w - 1.2f * em : width;
  ImGui::BeginGroup();
  if (form.field == LoginField::Name) letter_keys(ui, view, emit, keys_w);
  else digit_keys(ui, view, emit, std::min(keys_w, 18.0f * em));
  ImGui::EndGroup();
}

}  // namespace kiosk::counter::screens
