// Creating and tuning the ImGui context for touch.
#include "ui/touch_imgui_context.h"

namespace kiosk::ui {

TouchImGuiContext::TouchImGuiContext(float em_px) : context_(ImGui::CreateContext()) {
  IMGUI_CHECKVERSION();
  ImGui::SetCurrentContext(context_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;
  io.MouseDragThreshold = 0.5f * em_px;  // a finger wobbles more than a mouse
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScaleAllSizes(em_px / 13.0f);  // ImGui's defaults are tuned for its 13 px font
  style.WindowBorderSize = 0;          // screens fill the display: no frame around them
  style.WindowRounding = 0;
}

TouchImGuiContext::~TouchImGuiContext() { ImGui::DestroyContext(context_); }

}  // namespace kiosk::ui
