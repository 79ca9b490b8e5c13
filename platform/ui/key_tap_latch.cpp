// Holding keys tapped between frames down for one frame (ImGui 1.86 KeysDown).
#include "ui/key_tap_latch.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

namespace kiosk::ui {
namespace {

bool contains(const std::vector<int>& keys, int key) { return std::find(keys.begin(), keys.end(), key) != keys.end(); }

}  // namespace

void KeyTapLatch::on_key(int key, int action) {
  if (key < 0 || key >= static_cast<int>(IM_ARRAYSIZE(ImGuiIO::KeysDown))) return;
  if (action == GLFW_PRESS && !contains(pressed_since_frame_, key)) pressed_since_frame_.push_back(key);
  if (action == GLFW_RELEASE && contains(pressed_since_frame_, key) && !contains(tapped_, key)) tapped_.push_back(key);
}

void KeyTapLatch::before_frame(ImGuiIO& io) {
  // Released for real in the event wait before the last frame; a key pressed
  // again since is the backend's to report.
  for (int key : held_)
    if (!contains(pressed_since_frame_, key)) io.KeysDown[key] = false;
  for (int key : tapped_) io.KeysDown[key] = true;
  held_ = std::move(tapped_);
  tapped_.clear();
  pressed_since_frame_.clear();
}

}  // namespace kiosk::ui
