// Headless ImGui frames: DisplaySize and DeltaTime set by hand, the atlas
// built to RGBA but never uploaded, mouse state written straight into io.
#include "ui/headless_ui.h"

#include "ui/ui_log.h"

namespace kiosk::ui {
namespace {

constexpr float kFrameSeconds = 1.0f / 60;

}  // namespace

HeadlessUi::HeadlessUi(const HeadlessConfig& config)
    : context_(font_sizes_for_screen(config.display_size.x, config.display_size.y, config.font_scale).body_px),
      fonts_(*context_.io().Fonts,
             font_sizes_for_screen(config.display_size.x, config.display_size.y, config.font_scale),
             config.font_files) {
  context_.io().DisplaySize = config.display_size;
}

void HeadlessUi::frame(const DrawFn& draw) {
  context_.make_current();
  if (fonts_.rebuild_needed()) fonts_.rebuild();
  ImGuiIO& io = context_.io();
  io.DeltaTime = kFrameSeconds;
  ImGui::NewFrame();
  widgets_.begin_frame();
  ++frame_count_;
  TouchUi ui(fonts_, widgets_);
  draw(ui);
  ImGui::Render();
}

bool HeadlessUi::tap(std::string_view id, const DrawFn& draw) {
  const std::optional<WidgetRect> rect = widgets_.find(id);
  if (!rect) {
    log_warning("tap: no widget '%.*s' in the last frame", static_cast<int>(id.size()), id.data());
    return false;
  }
  ImGuiIO& io = context_.io();
  io.MousePos = rect->centre();
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
  return true;
}

}  // namespace kiosk::ui
