// Staff login on the customer kiosk (after holding the welcome title): the
// staff member's name on letter keys and the PIN as dots on a digit pad, the
// kit's login keys as at the counter; wrong PIN and lockout (for how long) in
// plain words. Ids: "staff.name", "staff.pin", "staff.submit", the keys'
// "key.*" (kit/login_keys.h) and "back".
#include "customer/screens/screen_kit.h"
#include "kit/login_keys.h"

namespace kiosk::customer::kit {
namespace {

std::string refusal(const CustomerView& view, const StaffLogin& login) {
  if (login.error == "locked-out")
    return view.tr("staff.error.locked-out", {std::to_string(std::max<EpochMs>(1, (login.locked_ms + 59'999) / 60'000))});
  if (login.error == "need-name" || login.error == "need-pin" || login.error == "wrong-pin")
    return view.tr("staff.error." + login.error);
  return view.tr("staff.error.other");
}

}  // namespace

void draw_staff_login(ui::TouchUi& ui, const CustomerView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("staff.title"), BackToWelcome{});
  const StaffLogin& login = view.state.admin.login;
  const float em = ui.em();
  const float width = avail_x();
  // Side by side, the letter keys take most of the width (each at least 2 em wide).
  const bool side_by_side = wide_layout(ui);
  const float form_w = side_by_side ? width * 0.28f : width;
  auto refusal_banner = [&](float banner_w) {  // above the keys, where the eyes are
    if (login.error.empty()) return;
    banner(ui, refusal(view, login), palette().danger, ui::FontRole::body, banner_w);
    gap(ui, 0.3f);
  };
  if (!side_by_side) refusal_banner(width);
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  const bool name_focused = login.field == StaffField::Name;
  if (login_field(ui, "staff.name", view.tr("staff.name"), login.name, false, view.tr("staff.name_hint"), name_focused,
                  form_w))
    emit(FocusStaffField{StaffField::Name});
  gap(ui, 0.3f);
  if (login_field(ui, "staff.pin", view.tr("staff.pin"), login.pin, true, view.tr("staff.pin_hint"), !name_focused, form_w))
    emit(FocusStaffField{StaffField::Pin});
  gap(ui, 0.5f);
  if (button(ui, "staff.submit", view.tr(login.busy ? "staff.checking" : "staff.submit"), ImVec2(form_w / em, 3.2f),
             login.busy ? Tone::disabled : Tone::primary, ui::FontRole::body) &&
      !login.busy)
    emit(SubmitStaffPin{});
  ImGui::EndGroup();
  float keys_w = width - form_w - 1.2f * em;
  if (side_by_side) {
    ImGui::SetCursorPos(ImVec2(top.x + form_w + 1.2f * em, top.y));
  } else {  // one column: letters edge to edge (ten in a row stay 2 em wide), digits centred
    gap(ui, 0.6f);
    keys_w = name_focused ? ImGui::GetWindowWidth() - 0.4f * em : std::min(width, 18.0f * em);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - keys_w) / 2);
  }
  const KeyLabels labels{view.tr("staff.key.space"), view.tr("staff.key.delete"), view.tr("staff.key.clear")};
  ImGui::BeginGroup();
  if (side_by_side) refusal_banner(keys_w);
  const char key = name_focused ? letter_keys(ui, login.name, labels, keys_w)
                                : digit_keys(ui, labels, std::min(keys_w, 18.0f * em));
  ImGui::EndGroup();
  if (key) emit(StaffKey{key});
}

}  // namespace kiosk::customer::kit
