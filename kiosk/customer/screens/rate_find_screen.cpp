// Rate, step one: find the visit. A keypad of the store's service letters and
// the digits types the ticket number (shown large); the visits finished in the
// last minutes are offered as big buttons so most customers just tap theirs.
#include <set>

#include "customer/screens/screen_kit.h"

namespace kiosk::customer::kit {
namespace {

std::string service_letters(const CustomerState& state) {
  std::set<char> letters;
  for (const ServiceView& service : state.services)
    if (!service.code.empty() && service.code[0] >= 'A' && service.code[0] <= 'Z') letters.insert(service.code[0]);
  return std::string(letters.begin(), letters.end());
}

void keypad(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const float gap_em = 0.4f;
  const std::string letters = service_letters(view.state);
  const int letter_columns = columns_for(ui, width, 2.0f, gap_em, static_cast<int>(letters.size()), 9);
  const int letter_rows = letters.empty() ? 0 : (static_cast<int>(letters.size()) + letter_columns - 1) / letter_columns;
  const int rows = letter_rows + 3;
  const float key_h = std::clamp((height - static_cast<float>(rows - 1) * gap_em * em) / static_cast<float>(rows) / em,
                                 2.5f, 3.4f);
  const float x = ImGui::GetCursorPosX();
  const float letter_w = cell_width(ui, width, letter_columns, gap_em) / em;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap_em * em, gap_em * em));
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (i % letter_columns != 0) ImGui::SameLine();
    else ImGui::SetCursorPosX(x);
    const char letter = letters[i];
    if (button(ui, std::string("key.") + letter, std::string(1, letter), ImVec2(letter_w, key_h), Tone::normal))
      emit(RateKey{letter});
  }
  const float digit_w = cell_width(ui, width, 5, gap_em) / em;
  for (int d = 0; d < 10; ++d) {
    const char digit = static_cast<char>(d == 9 ? '0' : '1' + d);
    if (d % 5 != 0) ImGui::SameLine();
    else ImGui::SetCursorPosX(x);
    if (button(ui, std::string("key.") + digit, std::string(1, digit), ImVec2(digit_w, key_h), Tone::normal))
      emit(RateKey{digit});
  }
  ImGui::SetCursorPosX(x);
  const float action_w = cell_width(ui, width, 3, gap_em) / em;
  if (button(ui, "key.clear", view.tr("pad.clear"), ImVec2(action_w, key_h), Tone::normal, ui::FontRole::body))
    emit(RateKey{'*'});
  ImGui::SameLine();
  if (button(ui, "key.del", view.tr("pad.delete"), ImVec2(action_w, key_h), Tone::normal, ui::FontRole::body))
    emit(RateKey{'<'});
  ImGui::SameLine();
  const RateFlow& rate = view.state.rate;
  const bool ready = !rate.typed_label.empty() && !rate.busy;
  if (button(ui, "rate.find", rate.busy ? view.tr("rate.searching") : view.tr("rate.find"), ImVec2(action_w, key_h),
             ready ? Tone::primary : Tone::disabled))
    emit(LookUpVisit{});
  ImGui::PopStyleVar();
}

void recent_visits(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const Palette& p = palette();
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + width, min.y + height), u32(p.surface), 0.3f * em);
  const float pad = 0.6f * em;
  const float inner = width - 2 * pad;
  const float x = ImGui::GetCursorPosX() + pad;
  ImGui::SetCursorPos(ImVec2(x, ImGui::GetCursorPosY() + pad));
  paragraph(ui, view.tr("rate.recent"), ui::FontRole::large, p.text, Align::left, inner);
  const std::vector<VisitView>& visits = view.state.rate.recent;
  if (visits.empty()) {
    ImGui::SetCursorPosX(x);
    paragraph(ui, view.tr("rate.recent_none"), ui::FontRole::body, p.text_muted, Align::left, inner);
  } else {
    ImGui::SetCursorPosX(x);
    paragraph(ui, view.tr("rate.recent_hint"), ui::FontRole::body, p.text_muted, Align::left, inner);
    const float room = min.y + height - pad - ImGui::GetCursorScreenPos().y;
    const int columns = columns_for(ui, inner, 4.5f, 0.5f, static_cast<int>(visits.size()), 4);
    const int fit_rows = std::max(1, static_cast<int>((room + 0.5f * em) / (3.3f * em)));
    const std::size_t shown = std::min(visits.size(), static_cast<std::size_t>(fit_rows * columns));
    const float visit_w = cell_width(ui, inner, columns, 0.5f) / em;
    for (std::size_t i = 0; i < shown; ++i) {  // newest first, as many as fit
      if (i % columns != 0) ImGui::SameLine();
      else ImGui::SetCursorPosX(x);
      const VisitView& visit = visits[i];
      if (button(ui, "visit." + visit.label, visit.label, ImVec2(visit_w, 2.8f), Tone::normal)) emit(PickVisit{visit});
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + height));
  ImGui::Dummy(ImVec2(width, 0));
}

}  // namespace

void draw_rate_find(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("rate.title"), BackToWelcome{});
  const float em = ui.em();
  const Palette& p = palette();
  const RateFlow& rate = view.state.rate;
  const std::string error = error_text(view, rate.error);
  const ImVec4 error_fill = rate.error == "already-rated" ? p.info : p.warning;
  const float width = avail_x();
  if (wide_layout(ui)) {
    const float left_w = width * 0.6f;
    const float right_w = width - left_w - 1.0f * em;
    const ImVec2 top = ImGui::GetCursorPos();
    const float height = avail_y();
    // Left: the number and the keypad. Right: a refusal, if any, then the recent visits.
    ImGui::BeginGroup();
    paragraph(ui, view.tr("rate.enter_number"), ui::FontRole::body, p.text_muted, Align::left, left_w);
    entry_box(ui, view.state.rate.typed_label, view.tr("rate.example"), left_w, !error.empty() ? palette().warning : palette().primary);
    keypad(ui, view, emit, left_w, top.y + height - ImGui::GetCursorPosY());
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
    ImGui::BeginGroup();
    if (!error.empty()) {
      banner(ui, error, error_fill, ui::FontRole::body, right_w);
      ImGui::SetCursorPosX(top.x + left_w + 1.0f * em);
    }
    recent_visits(ui, view, emit, right_w, top.y + height - ImGui::GetCursorPosY());
    ImGui::EndGroup();
  } else {
    // As tall as its content: heading, hint, one row of visits (or the "none" line).
    const float content = 1.2f * em + line_height(ui, ui::FontRole::large) + 0.5f * em +
                          line_height(ui, ui::FontRole::body) + 0.5f * em + (rate.recent.empty() ? 0.0f : 3.3f * em);
    recent_visits(ui, view, emit, width, std::min(avail_y() * 0.35f, content));
    gap(ui, 0.3f);
    paragraph(ui, view.tr("rate.enter_number"), ui::FontRole::body, p.text_muted, Align::left, width);
    entry_box(ui, view.state.rate.typed_label, view.tr("rate.example"), width, !error.empty() ? palette().warning : palette().primary);
    if (!error.empty()) banner(ui, error, error_fill, ui::FontRole::body, width);
    keypad(ui, view, emit, width, std::min(avail_y(), 16.0f * em));
  }
}

}  // namespace kiosk::customer::kit
