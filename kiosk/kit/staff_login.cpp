// The staff login screen's drawing (see staff_login.h).
#include "kit/staff_login.h"

#include <algorithm>
#include <string>

#include "kit/login_keys.h"
#include "kit/touch_kit.h"

namespace kiosk::kit {
namespace {

constexpr float kColumnGapEm = 1.2f;                  // between the form and the keys
constexpr float kLetterRowEm = 10 * 2.0f + 9 * 0.3f;  // ten letter keys 2 em wide, 0.3 em apart

// Side by side, the form takes 42% of the width, less where the letter keys
// would get narrower than 2 em (a large font on a small screen), never under 28%.
float form_width(float width, float em) {
  return std::clamp(width - (kColumnGapEm + kLetterRowEm) * em, 0.28f * width, 0.42f * width);
}

std::string refusal_text(const StaffLoginForm& form, const app::Translations& texts, app::Language language) {
  const std::string key = "staff.login.error." + std::string(login_refusal_code(form.refusal));
  return texts.format(key, language, {std::to_string(form.locked_minutes)});
}

}  // namespace

std::optional<LoginInput> staff_login_panel(ui::TouchUi& ui, const StaffLoginForm& form, const app::Translations& texts,
                                            app::Language language, std::string_view submit_key) {
  auto tr = [&](std::string_view key) -> const std::string& { return texts.text(key, language); };
  const float em = ui.em();
  const Palette& p = palette();
  const float width = avail_x();
  const bool wide = wide_layout(ui);
  const float form_w = wide ? form_width(width, em) : width;
  const bool name_focused = form.field == LoginField::Name;
  std::optional<LoginInput> tapped;
  // The refusal goes where the eyes are: above the keys side by side, else
  // above everything; never into the form's column (no room there for a
  // tall font on a small screen).
  const bool refused = form.refusal != LoginRefusal::None;
  auto refusal_banner = [&](float banner_w) {
    banner(ui, refusal_text(form, texts, language), p.danger, ui::FontRole::body, banner_w);
    gap(ui, 0.3f);
  };
  if (refused && !wide) refusal_banner(width);

  const ImVec2 top = ImGui::GetCursorPos();
  ImGui::BeginGroup();
  if (form.session_ended) banner(ui, tr("staff.login.session_ended"), p.info, ui::FontRole::body, form_w);
  if (login_field(ui, "login.name", tr("staff.login.name"), form.name, false, tr("staff.login.name_hint"), name_focused,
                  form_w))
    tapped = FocusLoginField{LoginField::Name};
  gap(ui, 0.3f);
  if (login_field(ui, "login.pin", tr("staff.login.pin"), form.pin, true, tr("staff.login.pin_hint"), !name_focused,
                  form_w))
    tapped = FocusLoginField{LoginField::Pin};
  gap(ui, 0.5f);
  const std::string& submit = tr(form.busy ? "staff.login.checking" : submit_key);
  const ui::FontRole submit_font = fitting_role(ui, submit, form_w - 1.2f * em, 1);
  if (button(ui, "login.submit", submit, ImVec2(form_w / em, 3.2f), form.busy ? Tone::disabled : Tone::primary,
             submit_font) &&
      !form.busy)
    tapped = SubmitLogin{};
  ImGui::EndGroup();

  float keys_w;
  if (wide) {  // level with the name's caption with a refusal on top, else the keys level with its box
    ImGui::SetCursorPos(ImVec2(top.x + form_w + kColumnGapEm * em, top.y + (refused ? 0.0f : 1.4f * em)));
    keys_w = width - form_w - kColumnGapEm * em;
  } else {  // one column: letters edge to edge (ten in a row stay 2 em wide), digits centred
    gap(ui, 0.6f);
    keys_w = name_focused ? ImGui::GetWindowWidth() - 0.4f * em : std::min(width, 18.0f * em);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - keys_w) / 2);
  }
  const KeyLabels labels{tr("staff.login.key.space"), tr("staff.login.key.delete"), tr("staff.login.key.clear")};
  ImGui::BeginGroup();
  if (refused && wide) refusal_banner(keys_w);
  const char key =
      name_focused ? letter_keys(ui, form.name, labels, keys_w) : digit_keys(ui, labels, std::min(keys_w, 18.0f * em));
  ImGui::EndGroup();
  if (key) tapped = LoginKey{key};
  return tapped;
}

}  // namespace kiosk::kit
