// The staff login screen every role shows under its own top bar (the counter
// console, the technician's device, the customer kiosk's staff corner): the
// name and the PIN (as dots) in a column with the refusal in plain words and
// the submit button, and beside them (below them on a narrow screen) the
// letter keys or the digit pad for the focused field. Texts: "staff.login.*"
// (assets/i18n/staff_login.json). Ids: "login.name", "login.pin",
// "login.submit" and the keys' (kit/login_keys.h).
#pragma once

#include <optional>
#include <string_view>

#include "app/language.h"
#include "app/translations.h"
#include "kit/staff_login_form.h"
#include "ui/touch_widgets.h"

namespace kiosk::kit {

// Draws the login; returns this frame's tap (a field, a key, submit), if any.
// `submit_key`: the submit button's words (where a role's login leads).
std::optional<LoginInput> staff_login_panel(ui::TouchUi& ui, const StaffLoginForm& form, const app::Translations& texts,
                                            app::Language language, std::string_view submit_key = "staff.login.submit");

}  // namespace kiosk::kit
