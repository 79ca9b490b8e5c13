// Touch widgets: an InvisibleButton (its ImGui id is the stable id, not the
// label) painted by hand, and text drawn through a coverage check.
#include "ui/touch_widgets.h"

#include <string>

namespace kiosk::ui {

void TouchUi::note_text(std::string_view utf8, FontRole role) { fonts_.check_drawn_text(utf8, role); }

bool TouchUi::big_button(std::string_view id, std::string_view label, ImVec2 size_em, FontRole label_role) {
  note_text(label, label_role);
  const float available = ImGui::GetContentRegionAvail().x;
  const ImVec2 size(size_em.x > 0 ? size_em.x * em() : available, size_em.y * em());
  const std::string imgui_id(id);
  const bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), size);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  widgets_.record(id, {min, max});

  // No hover colour: a finger has no hover, and a stale pointer would leave one lit.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 fill = ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGuiCol_Button);
  draw->AddRectFilled(min, max, fill, 0.25f * em());
  ImFont* label_font = fonts_.font(label_role);
  const char* begin = label.data();
  const char* end = label.data() + label.size();
  const ImVec2 text_size = label_font->CalcTextSizeA(label_font->FontSize, size.x, 0.0f, begin, end);
  const ImVec2 text_pos(min.x + (size.x - text_size.x) / 2, min.y + (size.y - text_size.y) / 2);
  draw->PushClipRect(min, max, true);
  draw->AddText(label_font, label_font->FontSize, text_pos, ImGui::GetColorU32(ImGuiCol_Text), begin, end);
  draw->PopClipRect();
  return clicked;
}

void TouchUi::text(std::string_view utf8, FontRole role) {
  note_text(utf8, role);
  ImGui::PushFont(fonts_.font(role));
  ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
  ImGui::PopFont();
}

void TouchUi::text_centred(std::string_view utf8, FontRole role) {
  note_text(utf8, role);
  ImGui::PushFont(fonts_.font(role));
  const float width = ImGui::CalcTextSize(utf8.data(), utf8.data() + utf8.size()).x;
  const float available = ImGui::GetContentRegionAvail().x;
  if (width < available) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (available - width) / 2);
  ImGui::TextUnformatted(utf8.data(), utf8.data() + utf8.size());
  ImGui::PopFont();
}

ScreenPanel::ScreenPanel(const char* id) {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->Pos);
  ImGui::SetNextWindowSize(viewport->Size);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin(id, nullptr, kFlags);  // never collapsed (no title bar), so always paired with End()
}

ScreenPanel::~ScreenPanel() { ImGui::End(); }

}  // namespace kiosk::ui
