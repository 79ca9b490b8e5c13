// The kiosk's one window: GLFW (X11; under cage it runs through Xwayland,
// where touches arrive as left clicks) with OpenGL 3.3 core, ImGui's GLFW and
// OpenGL3 backends and the font atlas. Event-driven: it sleeps until input, a
// wake() or the app's next deadline, draws a few frames after any input and
// keeps drawing while a finger is down. While it is open the X server's
// screen saver and DPMS are off (ui/screen_blanking.h).
//
// The app's loop, on the UI thread:
//   while (!window.should_close()) {
//     window.wait_until(app.next_deadline());  // clock tick, countdown, animation end
//     app.apply_worker_results();              // actions queued by workers, who call wake()
//     app.apply_timeouts(clock.now());
//     window.draw([&](ui::TouchUi& ui) { draw_screen(ui, app.view(), app.emit()); });
//   }
#pragma once

#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ui/font_atlas.h"
#include "ui/key_tap_latch.h"
#include "ui/touch_imgui_context.h"
#include "ui/touch_widgets.h"
#include "ui/widget_registry.h"

struct GLFWwindow;

namespace kiosk::ui {

struct WindowSize {
  int width = 0;
  int height = 0;
};

// "800x480" -> {800, 480}; nullopt if malformed or out of 64..16384.
std::optional<WindowSize> parse_window_size(std::string_view text);

struct WindowConfig {
  std::string title = "Service kiosk";
  std::optional<WindowSize> windowed;  // nullopt: fullscreen on the primary monitor
  bool hide_cursor = true;             // a touch screen shows no pointer
  int frames_after_input = 3;          // press and release can arrive in one wait: two frames, plus one to settle
  ImVec4 clear_colour{0.09f, 0.11f, 0.15f, 1.0f};
  FontScale font_scale;
  FontFiles font_files;
};

using Deadline = std::chrono::steady_clock::time_point;
inline constexpr Deadline kNoDeadline = Deadline::max();

class Window {
 public:
  // Opens the window and builds the atlas with Basic Latin; throws
  // std::runtime_error when there is no display, no OpenGL 3.3, no font, or
  // the atlas does not fit the GPU's texture limit.
  explicit Window(const WindowConfig& config);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Hand all text the screens may show to fonts().add_text() before drawing.
  FontAtlas& fonts() { return fonts_; }
  const WidgetRegistry& widgets() const { return widgets_; }
  WindowSize framebuffer_size() const;
  bool should_close() const;

  // Returns when there is input, a wake(), or `deadline` has passed; returns at
  // once (after polling events) while frames are owed or a finger is down.
  void wait_until(Deadline deadline);
  // Draws one frame (rebuilding the atlas first if new text arrived).
  void draw(const DrawFn& draw);
  // Draws one frame and writes it to a PNG file; false if the file could not be written.
  bool draw_and_capture(const DrawFn& draw, const std::string& png_path);

  // Wakes wait_until() from any thread, e.g. after a worker queued a result.
  // Only while the Window exists: stop workers before destroying it.
  static void wake();

  // Frames put on the screen. A frame whose picture is the one already shown
  // (the same draw lists, the same size) is built but not rendered nor
  // swapped: frames_skipped() counts those.
  long frames_drawn() const { return frames_drawn_; }
  long frames_skipped() const { return frames_skipped_; }

 private:
  struct GlfwWindowCloser {
    void operator()(GLFWwindow* window) const;
  };
  class OpenGlFontTexture final : public FontTextureSink {
   public:
    int max_texture_side() const override;
    void upload_font_texture() override;

   private:
    bool device_objects_created_ = false;
  };
  class ImGuiBackends {  // shuts ImGui's GLFW and OpenGL3 backends down before the context goes
   public:
    explicit ImGuiBackends(GLFWwindow* window);
    ~ImGuiBackends();
    ImGuiBackends(const ImGuiBackends&) = delete;
    ImGuiBackends& operator=(const ImGuiBackends&) = delete;
  };

  // Creates the GLFW window and installs the activity callbacks on it.
  GLFWwindow* open_glfw_window(const WindowConfig& config);
  static FontSizes font_sizes_for_window(GLFWwindow* window, const FontScale& scale);
  static void install_activity_callbacks(GLFWwindow* window);
  void note_activity() { frames_owed_ = frames_after_input_; }
  // The picture must be put on the screen again (exposed, resized).
  void note_damage() {
    note_activity();
    shown_picture_.reset();
  }
  bool render_frame(const DrawFn& draw, const std::string* png_path);

  std::unique_ptr<GLFWwindow, GlfwWindowCloser> window_;  // first: everything below needs its GL context
  TouchImGuiContext context_;
  FontAtlas fonts_;
  WidgetRegistry widgets_;
  OpenGlFontTexture font_texture_;
  ImGuiBackends backends_;  // after the callbacks: ImGui chains to the ones installed before it
  ImVec4 clear_colour_;
  int frames_after_input_;
  int frames_owed_ = 1;  // the first frame
  bool finger_down_ = false;
  KeyTapLatch key_taps_;
  long frames_drawn_ = 0;
  long frames_skipped_ = 0;
  std::optional<std::uint64_t> shown_picture_;  // picture_hash() of what the screen shows
};

}  // namespace kiosk::ui
