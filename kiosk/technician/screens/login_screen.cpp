// Login: the technician's name on letter keys and a masked PIN on a digit
// pad; refusals in plain words (wrong PIN, locked out, not a technician,
// node unreachable).
#include "kit/login_keys.h"
#include "technician/screens/screen_parts.h"

namespace kiosk::technician::screens {

void draw_login(ui::TouchUi& ui, const TechnicianView& view, const Emit& emit) {
  top_bar(ui, view, emit, view.tr("tech.login.title"));
  const float em = ui.em();
  const Palette& p = palette();
  const LoginForm& form = view.state.login;
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float left_w = wide ? width * 0.42f : width;
  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  if (!view.state.notice.empty()) banner(ui, view.tr(view.state.notice.key), p.info, ui::FontRole::body, left_w);
  for (LoginField which : {LoginField::Name, LoginField::Pin}) {
    const bool is_name = which == LoginField::Name;
    if (login_field(ui, is_name ? "login.name" : "login.pin", view.tr(is_name ? "tech.login.name" : "tech.login.pin"),
                    is_name ? form.name : form.pin, !is_name, view.tr(is_name ? "tech.login.name_hint" : "tech.login.pin_hint"),
                    form.field == which, left_w))
      emit(FocusField{which});
    gap(ui, 0.3f);
  }
  gap(ui, 0.2f);
  if (!form.error.empty()) banner(ui, view.tr(form.error.key, {form.error.value}), p.danger, ui::FontRole::body, left_w);
  const std::string& submit = view.tr(form.busy ? "tech.login.checking" : "tech.login.submit");
  if (button(ui, "login.submit", submit, ImVec2(left_w / em, 3.2f), form.busy ? Tone::disabled : Tone::primary) && !form.busy)
    emit(SubmitLogin{});
  ImGui::EndGroup();
  if (wide) ImGui::SetCursorPos(ImVec2(top.x + left_w + 1.2f * em, top.y + 1.4f * em));
  else gap(ui, 0.5f);
  const float keys_w = wide ? width - left_w - 1.2f * em : width;
  const KeyLabels labels{view.tr("tech.key.space"), view.tr("tech.key.delete"), view.tr("tech.key.clear")};
  ImGui::BeginGroup();
  const char key = form.field == LoginField::Name ? letter_keys(ui, form.name, labels, keys_w)
                                                  : digit_keys(ui, labels, std::min(keys_w, 18.0f * em));
  ImGui::EndGroup();
  if (key) emit(TypeKey{key});
}

}  // namespace kiosk::technician::screens
