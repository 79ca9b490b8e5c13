// The console's keyboard: which key does what on each screen, read with
// ImGui::IsKeyPressed on GLFW key codes (the GLFW backend of ImGui 1.86 fills
// io.KeysDown by them) and typed characters from io.InputQueueCharacters.
//   login     letters, space, digits into the field; Backspace; Tab switches field; Enter logs in
//   open      1-9 toggle a service; Enter opens the counter; Esc back to the console
//   console   F1 call next, F2 recall, F3 start, F4 finish, F5 no-show, F6 transfer,
//             F7 pause/resume, F8 services, F9 close, F10 new request, F12 log out;
//   request   typed characters into the focused field; Backspace; Tab to the next field
//             in a picker 1-9 choose, Esc cancels
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "counter/screens/counter_screens.h"

namespace kiosk::counter::screens {

// The shortcut label shown on the console's buttons, by action id ("act.call" -> "F1").
const char* shortcut_label(std::string_view action_id);
// The GLFW key code of a console shortcut label ("F1" -> GLFW_KEY_F1).
int shortcut_key(std::string_view label);
// True on the frame `label`'s key went down.
bool shortcut_pressed(std::string_view label);

// Keys of the login and open-counter screens (the console's go with its buttons).
void read_login_keys(const CounterView& view, const Emit& emit);
void read_open_keys(const CounterView& view, const Emit& emit, const std::vector<std::string>& codes);
// 1-9 pick the n-th choice of a picker, Esc cancels it: the index chosen,
// kPickerCancel, or -1 when no such key went down.
constexpr int kPickerCancel = -2;
int picker_key();

}  // namespace kiosk::counter::screens
