// The pieces the staff login (kit/staff_login.h) draws with: a name or PIN
// field framed when it has the focus (a PIN as drawn dots), the letters
// keyboard (QWERTY rows, each word capitalised, space, delete, clear) and the
// digit pad. The keys' ids: "key.A".."key.Z",
// "key.space", "key.0".."key.9", "key.del", "key.clear".
#pragma once

#include <string_view>

#include "ui/touch_widgets.h"

namespace kiosk::kit {

struct KeyLabels {
  std::string_view space;
  std::string_view del;
  std::string_view clear;
};

// The key tapped this frame: a letter or ' ', '<' for delete, '*' for clear; 0 for none.
char letter_keys(ui::TouchUi& ui, std::string_view typed, const KeyLabels& labels, float width);
// The key tapped this frame: a digit, '<' for delete, '*' for clear; 0 for none.
char digit_keys(ui::TouchUi& ui, const KeyLabels& labels, float width);

// A field with its caption above; `text` inside (as dots when `secret`), or
// the faint `hint` while empty (smaller if it would not fit). True when tapped.
bool login_field(ui::TouchUi& ui, std::string_view id, std::string_view caption, std::string_view text, bool secret,
                 std::string_view hint, bool focused, float width);

}  // namespace kiosk::kit
