// The phone keypad over the take-a-number form or the request form: the
// digits as typed, the refusal (translated from "error.<code>") and a 3x4 pad
// with clear and delete; OK validates, cancel goes back to the form.
#include "core/phone.h"
#include "customer/screens/customer_kit.h"

namespace kiosk::customer::kit {
namespace {

void keypad(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width, float height) {
  const float em = ui.em();
  const float key_w = cell_width(ui, width, 3, 0.5f) / em;
  const float key_h = std::clamp((height - 1.5f * em) / 4 / em, 2.6f, 3.6f);
  const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '<'};  // '*' clears (PhoneKey)
  const float x = ImGui::GetCursorPosX();
  for (int i = 0; i < 12; ++i) {
    if (i % 3 != 0)
      ImGui::SameLine();
    else
      ImGui::SetCursorPosX(x);
    const char key = keys[i];
    bool tapped = false;
    if (key == '*')
      tapped = button(ui, "pad.clear", view.tr("pad.clear"), ImVec2(key_w, key_h), Tone::normal, ui::FontRole::body);
    else if (key == '<')
      tapped = button(ui, "pad.del", view.tr("pad.delete"), ImVec2(key_w, key_h), Tone::normal, ui::FontRole::body);
    else
      tapped = button(ui, std::string("pad.") + key, std::string(1, key), ImVec2(key_w, key_h), Tone::normal);
    if (tapped) emit(PhoneKey{key});
  }
}

// Cancel (no reminder number) and OK side by side.
void actions(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, float width) {
  const float em = ui.em();
  const float w = cell_width(ui, width, 2, 0.5f) / em;
  // There is no "close the pad" action: cancelling means no reminder number at all.
  if (button(ui, "pad.cancel", view.tr("phone.cancel"), ImVec2(w, 3.2f), Tone::normal)) emit(ClosePhonePad{});
  ImGui::SameLine();
  if (button(ui, "pad.ok", view.tr("phone.ok"), ImVec2(w, 3.2f), Tone::primary)) emit(AcceptPhone{});
}

}  // namespace

void draw_phone_pad(ui::TouchUi& ui, const CustomerView& view, const Emit& emit, const PhonePad& pad) {
  top_bar(ui, view, emit, view.tr(pad.mobile_only ? "phone.title_mobile" : "phone.title"), std::nullopt);
  const float em = ui.em();
  const Palette& p = palette();
  const std::string error = error_text(view, pad.error_code);
  const std::string hint =
      view.tr(pad.mobile_only ? "phone.hint_mobile" : "phone.hint", {std::to_string(kMobileDigits)});
  const float width = avail_x();
  if (wide_layout(ui)) {
    const float left_w = width * 0.48f;
    const float right_w = width - left_w - 1.0f * em;
    const ImVec2 top = ImGui::GetCursorPos();
    const float height = avail_y();
    ImGui::BeginGroup();
    paragraph(ui, view.tr(pad.why_key), ui::FontRole::body, p.text_muted, Align::left, left_w);
    gap(ui, 0.2f);
    entry_box(ui, pad.typed, hint, left_w, !error.empty() ? palette().danger : palette().primary);
    if (!error.empty()) banner(ui, error, p.danger, ui::FontRole::body, left_w);
    ImGui::SetCursorPosY(top.y + height - 3.2f * em);
    actions(ui, view, emit, left_w);
    ImGui::EndGroup();
    ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.0f * em, top.y));
    ImGui::BeginGroup();
    keypad(ui, view, emit, right_w, height);
    ImGui::EndGroup();
  } else {
    paragraph(ui, view.tr(pad.why_key), ui::FontRole::body, p.text_muted, Align::left, width);
    entry_box(ui, pad.typed, hint, width, !error.empty() ? palette().danger : palette().primary);
    if (!error.empty()) banner(ui, error, p.danger, ui::FontRole::body, width);
    gap(ui, 0.3f);
    keypad(ui, view, emit, width, std::min(avail_y() - 4.0f * em, 16.0f * em));
    gap(ui, 0.3f);
    actions(ui, view, emit, width);
  }
}

}  // namespace kiosk::customer::kit
