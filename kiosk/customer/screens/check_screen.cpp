// "Check my request": the request code (keys of the code alphabet only, no
// 0/O or 1/I/L) and the phone's last four digits (a numeric pad), each box
// tapped to type into it, the check button beside clear and delete; the
// refusal in words across the top, and after repeated wrong tries the wait,
// counted down, with the check button off until it is over.
#include "customer/screens/customer_kit.h"
#include "kit/text_keys.h"

namespace kiosk::customer::kit {

void draw_check_request(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("check.title"), BackToWelcome{});
  const float em = ui.em();
  const Palette& p = palette();
  const CheckFlow& c = view.state.check;
  const bool wide = wide_layout(ui);
  const float width = avail_x();
  const float left_w = wide ? width * 0.42f : width;
  // A refusal or the wait across the whole width, above the boxes: never under the button.
  const EpochMs wait = c.retry_at - view.now;
  if (wait > 0)
    banner(ui, view.tr("check.wait", {std::to_string((wait + 999) / 1000)}), p.warning, ui::FontRole::body, width);
  else if (!c.error.empty())
    banner(ui, error_text(view, c.error), p.danger, ui::FontRole::body, width);
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  entry_tile(ui, "check.code", view.tr("check.code_label"), c.code_typed, view.tr("check.code_hint"), !c.typing_digits,
             left_w, emit, TypeCheckDigits{false});
  entry_tile(ui, "check.digits", view.tr("check.digits_label"), c.last_four, "····", c.typing_digits, left_w, emit,
             TypeCheckDigits{true});
  ImGui::EndGroup();
  if (wide)
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
  else
    gap(ui, 0.4f);
  const float keys_w = wide ? width - left_w - 1.0f * em : width;
  const std::vector<std::string> rows = c.typing_digits
                                            ? std::vector<std::string>{"123", "456", "789", "0"}
                                            : std::vector<std::string>{"23456789", "ABCDEFGH", "JKMNPQRS", "TUVWXYZ"};
  const float key_h = std::clamp((avail_y() - 5 * 0.3f * em) / 5 / em, 2.5f, 3.2f);
  ImGui::BeginGroup();
  const float x = ImGui::GetCursorPosX();
  key_rows(ui, rows, "ck.", keys_w, key_h, [&](char key) { emit(CheckKey{key}); });
  // Clear, delete and the check itself in the bottom row, as on the rating pad.
  ImGui::SetCursorPosX(x);
  const float third = cell_width(ui, keys_w, 3, 0.3f) / em;
  if (button(ui, "ck.clear", view.tr("pad.clear"), ImVec2(third, key_h), Tone::normal, ui::FontRole::body))
    emit(CheckKey{'*'});
  ImGui::SameLine(0, 0.3f * em);
  if (button(ui, "ck.del", view.tr("pad.delete"), ImVec2(third, key_h), Tone::normal, ui::FontRole::body))
    emit(CheckKey{'<'});
  ImGui::SameLine(0, 0.3f * em);
  const bool can_look = wait <= 0 && !c.busy;
  const std::string& label = view.tr(c.busy ? "check.searching" : "check.find");
  if (button(ui, "check.find", label, ImVec2(third, key_h), can_look ? Tone::primary : Tone::disabled) && can_look)
    emit(LookUpRequest{});
  ImGui::EndGroup();
}

}  // namespace kiosk::customer::kit
