// An ImGui context set up for a touch kiosk: no imgui.ini or log file on disk,
// no cursor blink (it would cost frames), a drag threshold a finger can stay
// under, and style sizes scaled to the body font.
#pragma once

#include <imgui.h>

namespace kiosk::ui {

class TouchImGuiContext {
 public:
  // Creates the context and makes it current. `em_px` is the body font size.
  explicit TouchImGuiContext(float em_px);
  ~TouchImGuiContext();
  TouchImGuiContext(const TouchImGuiContext&) = delete;
  TouchImGuiContext& operator=(const TouchImGuiContext&) = delete;

  void make_current() { ImGui::SetCurrentContext(context_); }
  ImGuiIO& io() { return ImGui::GetIO(); }

 private:
  ImGuiContext* context_;
};

}  // namespace kiosk::ui
