// ImGui frames without a window or GPU, for tests of the platform layer and of
// the app's screens: a real context, the real font atlas (built, never
// uploaded), taps on widgets by their stable id.
#pragma once

#include <imgui.h>

#include <string_view>

#include "ui/font_atlas.h"
#include "ui/touch_imgui_context.h"
#include "ui/touch_widgets.h"
#include "ui/widget_registry.h"

namespace kiosk::ui {

struct HeadlessConfig {
  ImVec2 display_size{1280, 800};
  FontScale font_scale;
  FontFiles font_files;
};

class HeadlessUi {
 public:
  explicit HeadlessUi(const HeadlessConfig& config = {});

  // One frame: rebuilds the atlas first if new text arrived, then draws.
  void frame(const DrawFn& draw);
  // Taps the widget `id` drawn in the last frame: one frame with the finger
  // down on its centre, then one with it lifted (the frame a button reports
  // its click). Returns false, drawing nothing, if `id` was not drawn.
  bool tap(std::string_view id, const DrawFn& draw);

  FontAtlas& fonts() { return fonts_; }
  const WidgetRegistry& widgets() const { return widgets_; }
  // Frames drawn so far; inside draw(), the number of the frame being drawn.
  int frame_count() const { return frame_count_; }

 private:
  TouchImGuiContext context_;
  FontAtlas fonts_;
  WidgetRegistry widgets_;
  int frame_count_ = 0;
};

}  // namespace kiosk::ui
