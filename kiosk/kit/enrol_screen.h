// The enrol screens a counter console and a display share (state:
// kit/device_enrolment.h; texts "device.enrol.*", assets/i18n/device_enrol.json),
// drawn under the role's own top bar if it has one:
// - enrol: what to do ("Ask staff for a code..."), the node's address, the
//   6-digit code on a large digit pad (or a keyboard's digits, Backspace and
//   Enter), the Enrol button and the last refusal;
// - wrong server: this is not the node the device enrolled with, the
//   fingerprint it expected, what staff do, and "Enrol again";
// - enrolled: the node's fingerprint for staff to compare, for a few seconds.
// Ids: "enrol.code", "enrol.submit", "enrol.again", the digit keys
// "key.0".."key.9", "key.del", "key.clear" (kit/login_keys.h).
#pragma once

#include <optional>
#include <string_view>

#include "app/language.h"
#include "app/translations.h"
#include "kit/device_enrolment.h"
#include "ui/touch_widgets.h"

namespace kiosk::kit {

// Draws the screen `enrolment` calls for (never while shows_role_screens());
// returns this frame's tap, if any.
std::optional<EnrolInput> enrol_panel(ui::TouchUi& ui, const DeviceEnrolment& enrolment, const app::Translations& texts,
                                      app::Language language, std::string_view node_url);

}  // namespace kiosk::kit
