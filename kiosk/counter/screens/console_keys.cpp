// The console's keyboard shortcuts and typing.
#include "counter/screens/console_keys.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cctype>
#include <string>

namespace kiosk::counter::screens {
namespace {

struct Shortcut {
  std::string_view id;
  const char* label;
};

constexpr Shortcut kShortcuts[] = {
    {"act.call", "F1"},     {"act.recall", "F2"},   {"act.start", "F3"},        {"act.finish", "F4"},
    {"act.no_show", "F5"},  {"act.transfer", "F6"}, {"act.pause", "F7"},        {"act.resume", "F7"},
    {"act.services", "F8"}, {"act.close", "F9"},    {"act.new_request", "F10"}, {"logout", "F12"},
};

bool pressed(int key) { return ImGui::IsKeyPressed(key, /*repeat=*/false); }

}  // namespace

const char* shortcut_label(std::string_view action_id) {
  for (const Shortcut& s : kShortcuts)
    if (s.id == action_id) return s.label;
  return "";
}

int shortcut_key(std::string_view label) {
  if (label.size() < 2 || label[0] != 'F') return -1;
  const int n = std::stoi(std::string(label.substr(1)));
  return n >= 1 && n <= 12 ? GLFW_KEY_F1 + n - 1 : -1;
}

bool shortcut_pressed(std::string_view label) {
  const int key = shortcut_key(label);
  return key >= 0 && pressed(key);
}

void read_login_keys(const CounterView& view, const Emit& emit) {
  using kit::LoginField;
  const kit::StaffLoginForm& form = view.state.login;
  const ImGuiIO& io = ImGui::GetIO();
  for (ImWchar c : io.InputQueueCharacters)
    if (c < 0x80 && (std::isalnum(c) || c == ' ')) emit(kit::LoginKey{static_cast<char>(c)});
  if (pressed(GLFW_KEY_BACKSPACE)) emit(kit::LoginKey{'<'});
  if (pressed(GLFW_KEY_TAB))
    emit(kit::FocusLoginField{form.field == LoginField::Name ? LoginField::Pin : LoginField::Name});
  if (pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER)) {
    if (form.field == LoginField::Name && form.pin.empty())
      emit(kit::FocusLoginField{LoginField::Pin});
    else
      emit(kit::SubmitLogin{});
  }
}

void read_open_keys(const CounterView& view, const Emit& emit, const std::vector<std::string>& codes) {
  for (std::size_t i = 0; i < codes.size() && i < 9; ++i)
    if (pressed(GLFW_KEY_1 + static_cast<int>(i)) || pressed(GLFW_KEY_KP_1 + static_cast<int>(i)))
      emit(ToggleService{codes[i]});
  if (pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER)) emit(OpenCounter{});
  if (pressed(GLFW_KEY_ESCAPE) && view.state.counter && view.state.counter->state != "closed") emit(BackToConsole{});
}

int picker_key() {
  for (int i = 0; i < 9; ++i)
    if (pressed(GLFW_KEY_1 + i) || pressed(GLFW_KEY_KP_1 + i)) return i;
  if (pressed(GLFW_KEY_ESCAPE)) return kPickerCancel;
  return -1;
}

}  // namespace kiosk::counter::screens
