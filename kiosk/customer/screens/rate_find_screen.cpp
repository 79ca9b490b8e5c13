// Rate, step one: find the visit by its ticket number and the rating check
// digits printed on the ticket (a number alone would let anyone rate a
// stranger's visit). A keypad of the store's service letters and the digits
// types into the box tapped; the check box takes digits only.
#include <set>

#include "customer/screens/customer_kit.h"

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
  const std::string letters = view.state.rate.typing_check ? std::string() : service_letters(view.state);
  const int letter_columns = columns_for(ui, width, 2.0f, gap_em, static_cast<int>(letters.size()), 9);
  const int letter_rows =
      letters.empty() ? 0 : (static_cast<int>(letters.size()) + letter_columns - 1) / letter_columns;
  const int rows = letter_rows + 3;
  const float key_h =
      std::clamp((height - static_cast<float>(rows - 1) * gap_em * em) / static_cast<float>(rows) / em, 2.5f, 3.4f);
  const float x = ImGui::GetCursorPosX();
  const float letter_w = cell_width(ui, width, letter_columns, gap_em) / em;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap_em * em, gap_em * em));
  for (std::size_t i = 0; i < letters.size(); ++i) {
    if (i % letter_columns != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    const char letter = letters[i];
    if (button(ui, std::string("key.") + letter, std::string(1, letter), ImVec2(letter_w, key_h), Tone::normal))
      emit(RateKey{letter});
  }
  const float digit_w = cell_width(ui, width, 5, gap_em) / em;
  for (int d = 0; d < 10; ++d) {
    const char digit = static_cast<char>(d == 9 ? '0' : '1' + d);
    if (d % 5 != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
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

}  // namespace

void draw_rate_find(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("rate.title"), BackToWelcome{});
  const float em = ui.em();
  const Palette& p = palette();
  const RateFlow& rate = view.state.rate;
  const std::string error = error_text(view, rate.error);
  const ImVec4 error_fill = rate.error == "already-rated" ? p.info : p.warning;
  const bool wide = wide_layout(ui);
  const float width = avail_x();
  const float left_w = wide ? width * 0.42f : width;
  // A refusal across the whole width, above the boxes.
  if (!error.empty()) banner(ui, error, error_fill, ui::FontRole::body, width);
  const ImVec2 top = ImGui::GetCursorPos();
  // The number and its check digits, each box tapped to type into it.
  ImGui::BeginGroup();
  entry_tile(ui, "rate.number", view.tr("rate.enter_number"), rate.typed_label, view.tr("rate.example"),
             !rate.typing_check, left_w, emit, TypeRateCheck{false});
  entry_tile(ui, "rate.check", view.tr("rate.check_label"), rate.typed_check, "····", rate.typing_check, left_w, emit,
             TypeRateCheck{true});
  ImGui::EndGroup();
  if (wide)
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  else
    gap(ui, 0.4f);
  // The keys, and under them why both are asked.
  const float keys_w = wide ? width - left_w - 1.0f * em : width;
  const std::string& why = view.tr("rate.why_check");
  const float why_h = wrapped_height(ui, why, ui::FontRole::body, keys_w) + 0.6f * em;
  ImGui::BeginGroup();
  keypad(ui, view, emit, keys_w, std::min(avail_y() - why_h, 16.0f * em));
  gap(ui, 0.6f);
  paragraph(ui, why, ui::FontRole::body, p.text_muted, Align::left, keys_w);
  ImGui::EndGroup();
}
}  // namespace kiosk::customer::kit
