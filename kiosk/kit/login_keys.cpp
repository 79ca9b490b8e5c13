// The staff login's keyboards and fields (see login_keys.h).
#include "kit/login_keys.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "kit/touch_kit.h"

namespace kiosk::kit {

char letter_keys(ui::TouchUi& ui, std::string_view typed, const KeyLabels& labels, float width) {
  const float em = ui.em();
  static const char* const kRows[] = {"QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"};
  const bool capital = typed.empty() || typed.back() == ' ';
  const float key_w = cell_width(ui, width, 10, 0.3f) / em;
  const ImVec2 origin = ImGui::GetCursorPos();
  char tapped = 0;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.3f * em, 0.3f * em));
  for (int row = 0; row < 3; ++row) {
    const std::string_view keys = kRows[row];
    ImGui::SetCursorPosX(origin.x + (10 - float(keys.size())) * (key_w + 0.3f) * em / 2);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i) ImGui::SameLine();
      const char upper = keys[i];
      const char key = capital ? upper : static_cast<char>(std::tolower(upper));
      if (button(ui, std::string("key.") + upper, std::string(1, key), ImVec2(key_w, 2.6f), Tone::normal)) tapped = key;
    }
  }
  ImGui::SetCursorPosX(origin.x);
  const float third = cell_width(ui, width, 4, 0.3f) / em;
  if (button(ui, "key.space", labels.space, ImVec2(2 * third + 0.3f, 2.6f), Tone::normal, ui::FontRole::body))
    tapped = ' ';
  ImGui::SameLine();
  if (button(ui, "key.del", labels.del, ImVec2(third, 2.6f), Tone::normal, ui::FontRole::body)) tapped = '<';
  ImGui::SameLine();
  if (button(ui, "key.clear", labels.clear, ImVec2(third, 2.6f), Tone::normal, ui::FontRole::body)) tapped = '*';
  ImGui::PopStyleVar();
  return tapped;
}

char digit_keys(ui::TouchUi& ui, const KeyLabels& labels, float width) {
  const float em = ui.em();
  const float key_w = cell_width(ui, width, 3, 0.4f) / em;
  const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '<'};
  const float x = ImGui::GetCursorPosX();
  char tapped = 0;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.4f * em, 0.4f * em));
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    const char key = keys[i];
    bool hit;
    if (key == '*')
      hit = button(ui, "key.clear", labels.clear, ImVec2(key_w, 2.8f), Tone::normal, ui::FontRole::body);
    else if (key == '<')
      hit = button(ui, "key.del", labels.del, ImVec2(key_w, 2.8f), Tone::normal, ui::FontRole::body);
    else
      hit = button(ui, std::string("key.") + key, std::string(1, key), ImVec2(key_w, 2.8f), Tone::normal);
    if (hit) tapped = key;
  }
  ImGui::PopStyleVar();
  return tapped;
}

bool login_field(ui::TouchUi& ui, std::string_view id, std::string_view caption, std::string_view text, bool secret,
                 std::string_view hint, bool focused, float width) {
  const float em = ui.em();
  const Palette& p = palette();
  paragraph(ui, caption, ui::FontRole::body, p.text_muted, Align::left, width);
  const Tile t = tile(ui, id, ImVec2(width / em, 2.8f), Tone::normal);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (focused) draw->AddRect(t.min, t.max, u32(p.selected), 0.25f * em, 0, 0.15f * em);
  const ImVec2 inner_min(t.min.x + 0.7f * em, t.min.y), inner_max(t.max.x - 0.7f * em, t.max.y);
  const float mid_y = (t.min.y + t.max.y) / 2;
  if (text.empty()) {  // a hint wider than the box is drawn smaller, on one line
    const float room = inner_max.x - inner_min.x, hint_w = text_width(ui, hint, ui::FontRole::body);
    const float scale = hint_w > room ? std::max(0.75f, room / hint_w) : 1.0f;
    text_in_rect(ui, draw, hint, ui::FontRole::body, u32(p.text_disabled), inner_min, inner_max, Align::left, scale);
  } else if (secret) {
    for (std::size_t i = 0; i < text.size(); ++i)  // drawn dots: no glyph needed
      draw->AddCircleFilled(ImVec2(inner_min.x + (0.45f + 1.2f * float(i)) * em, mid_y), 0.35f * em, u32(p.text));
  } else {
    text_in_rect(ui, draw, text, ui::FontRole::large, u32(p.text), inner_min, inner_max, Align::left);
  }
  return t.clicked;
}

}  // namespace kiosk::kit
