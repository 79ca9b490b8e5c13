// Login: the staff member's name (on-screen letters or the keyboard) and a
// masked PIN on a numeric pad; refusals in plain words (wrong PIN, locked out
// for N minutes, node unreachable).
#include "counter/screens/console_keys.h"
#include "counter/screens/console_kit.h"
#include "kit/login_keys.h"

namespace kiosk::counter::screens {
namespace {

// A field to type into: its caption above, the content inside, framed when it has the focus.
void field(ui::TouchUi& ui, const CounterView& view, const Emit& emit, LoginField which, float width) {
  const LoginForm& form = view.state.login;
  const bool is_name = which == LoginField::Name;
  if (login_field(ui, is_name ? "login.name" : "login.pin", view.tr(is_name ? "counter.login.name" : "counter.login.pin"),
                  is_name ? form.name : form.pin, !is_name,
                  view.tr(is_name ? "counter.login.name_hint" : "counter.login.pin_hint"), form.field == which, width))
    emit(FocusField{which});
}

KeyLabels key_labels(const CounterView& view) {
  return {view.tr("counter.key.space"), view.tr("counter.key.delete"), view.tr("counter.key.clear")};
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
  const char key = form.field == LoginField::Name ? letter_keys(ui, form.name, key_labels(view), keys_w)
                                                  : digit_keys(ui, key_labels(view), std::min(keys_w, 18.0f * em));
  if (key) emit(TypeKey{key});
  ImGui::EndGroup();
}

}  // namespace kiosk::counter::screens
