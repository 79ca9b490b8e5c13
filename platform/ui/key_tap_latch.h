// A key tapped between two frames still reaches one frame. ImGui 1.86's GLFW
// backend writes io.KeysDown straight from GLFW's key events, so a key pressed
// and released within one event wait (a quick tap, a slow frame, a barcode
// scanner, xdotool) is down in no frame and ImGui::IsKeyPressed never sees it.
// The latch holds such a key down for the next frame and lets it go the frame
// after. (ImGui 1.87 replaced KeysDown with an input queue that does this.)
#pragma once

#include <vector>

struct ImGuiIO;

namespace kiosk::ui {

class KeyTapLatch {
 public:
  // From the GLFW key callback: key code and GLFW_PRESS / GLFW_RELEASE / GLFW_REPEAT.
  void on_key(int key, int action);
  // Between the GLFW backend's NewFrame and ImGui::NewFrame.
  void before_frame(ImGuiIO& io);

 private:
  std::vector<int> pressed_since_frame_;  // went down since the last frame
  std::vector<int> tapped_;               // ...and up again: down for the coming frame
  std::vector<int> held_;                 // held down by the latch in the last frame
};

}  // namespace kiosk::ui
