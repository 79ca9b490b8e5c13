// GLFW window, GL context, ImGui backends and the event-driven frame pacing.
#include "ui/window.h"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <dlfcn.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "ui/screen_blanking.h"
#include "ui/screenshot.h"
#include "ui/ui_log.h"

namespace kiosk::ui {
namespace {

Window& window_of(GLFWwindow* window) { return *static_cast<Window*>(glfwGetWindowUserPointer(window)); }

void log_glfw_error(int code, const char* description) { log_warning("GLFW error 0x%X: %s", code, description); }

}  // namespace

// [SECTION] Parsing the windowed size option

std::optional<WindowSize> parse_window_size(std::string_view text) {
  const std::size_t x = text.find('x');
  if (x == std::string_view::npos) return std::nullopt;
  WindowSize size;
  const auto parse = [](std::string_view part, int& out) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), out);
    return error == std::errc() && end == part.data() + part.size() && out >= 64 && out <= 16384;
  };
  if (!parse(text.substr(0, x), size.width) || !parse(text.substr(x + 1), size.height)) return std::nullopt;
  return size;
}

// [SECTION] Opening and closing

void Window::GlfwWindowCloser::operator()(GLFWwindow* window) const {
  glfwDestroyWindow(window);
  glfwTerminate();
}

GLFWwindow* Window::open_glfw_window(const WindowConfig& config) {
  glfwSetErrorCallback(log_glfw_error);
  if (glfwInit() == GLFW_FALSE) throw std::runtime_error("GLFW cannot start: no X display (is DISPLAY set?)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);  // a fullscreen kiosk never minimises itself

  GLFWwindow* window = nullptr;
  if (config.windowed) {
    glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    window = glfwCreateWindow(config.windowed->width, config.windowed->height, config.title.c_str(), nullptr, nullptr);
  } else if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    window = glfwCreateWindow(mode->width, mode->height, config.title.c_str(), monitor, nullptr);
  }
  if (window == nullptr) {
    glfwTerminate();
    throw std::runtime_error("cannot open a window with an OpenGL 3.3 core context");
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);  // vsync: while drawing continuously, at most one frame per refresh
  if (config.hide_cursor) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
  glfwSetWindowUserPointer(window, this);
  install_activity_callbacks(window);
  return window;
}

FontSizes Window::font_sizes_for_window(GLFWwindow* window, const FontScale& scale) {
  int width = 0;
  int height = 0;
  glfwGetFramebufferSize(window, &width, &height);
  return font_sizes_for_screen(static_cast<float>(width), static_cast<float>(height), scale);
}

Window::ImGuiBackends::ImGuiBackends(GLFWwindow* window) {
  // install_callbacks=true: ImGui keeps the callbacks already installed and calls them after its own.
  if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) throw std::runtime_error("ImGui's GLFW backend failed to start");
  if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
    ImGui_ImplGlfw_Shutdown();
    throw std::runtime_error("ImGui's OpenGL3 backend failed to start");
  }
}

Window::ImGuiBackends::~ImGuiBackends() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
}

namespace {

// Under AddressSanitizer only: Mesa keeps a few objects in its own globals and
// is unloaded by glfwTerminate(); once unmapped, LeakSanitizer no longer sees
// those globals and reports the objects as leaks from "<unknown module>", which
// no suppression can name. Loading Mesa once more with RTLD_NODELETE keeps it
// mapped, so its objects stay reachable. Release builds do nothing here.
void keep_mesa_mapped_for_leak_reports() {
#ifdef __SANITIZE_ADDRESS__
  for (const char* library : {"libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"}) {
    if (dlopen(library, RTLD_NOW | RTLD_NODELETE) == nullptr)
      log_warning("cannot keep %s mapped: %s", library, dlerror());
  }
#endif
}

}  // namespace

Window::Window(const WindowConfig& config)
    : window_(open_glfw_window(config)),
      context_(font_sizes_for_window(window_.get(), config.font_scale).body_px),
      fonts_(*context_.io().Fonts, font_sizes_for_window(window_.get(), config.font_scale), config.font_files),
      backends_(window_.get()),
      clear_colour_(config.clear_colour),
      frames_after_input_(config.frames_after_input) {
  keep_mesa_mapped_for_leak_reports();
  inhibit_screen_blanking();
  fonts_.attach_texture_sink(&font_texture_);
  fonts_.rebuild();
  const WindowSize size = framebuffer_size();
  log_debug("window %dx%d, OpenGL %s on %s", size.width, size.height,
            reinterpret_cast<const char*>(glGetString(GL_VERSION)),
            reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
}

Window::~Window() = default;

// [SECTION] Activity: every input owes a few frames

void Window::install_activity_callbacks(GLFWwindow* window) {
  glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int) {
    Window& self = window_of(w);
    if (button == GLFW_MOUSE_BUTTON_LEFT) self.finger_down_ = action == GLFW_PRESS;
    self.note_activity();
  });
  glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { window_of(w).note_activity(); });
  glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { window_of(w).note_activity(); });
  glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { window_of(w).note_activity(); });
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int) {
    Window& self = window_of(w);
    self.key_taps_.on_key(key, action);
    self.note_activity();
  });
  glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { window_of(w).note_activity(); });
  glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { window_of(w).note_activity(); });
  glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { window_of(w).note_damage(); });
  glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { window_of(w).note_damage(); });
}

// [SECTION] The font texture on the GPU

int Window::OpenGlFontTexture::max_texture_side() const {
  GLint side = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &side);
  return side;
}

void Window::OpenGlFontTexture::upload_font_texture() {
  // The first upload creates all device objects, so the backend's first
  // NewFrame does not create a second font texture. Later uploads replace only
  // the texture: ImGui 1.86 recreating its buffers keeps their old sizes, and
  // then draws nothing (glBufferSubData beyond a zero-size buffer).
  if (!device_objects_created_) {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    device_objects_created_ = true;
  } else {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  // The GPU has the pixels now: free the CPU copies (RGBA and alpha, tens of MB
  // with CJK). Glyph metrics stay; the next rebuild renders the pixels again.
  ImGui::GetIO().Fonts->ClearTexData();
}

// [SECTION] Waiting and drawing

WindowSize Window::framebuffer_size() const {
  WindowSize size;
  glfwGetFramebufferSize(window_.get(), &size.width, &size.height);
  return size;
}

bool Window::should_close() const { return glfwWindowShouldClose(window_.get()) != 0; }

void Window::wake() { glfwPostEmptyEvent(); }

void Window::wait_until(Deadline deadline) {
  if (frames_owed_ > 0 || finger_down_ || fonts_.rebuild_needed()) {
    glfwPollEvents();
    return;
  }
  if (deadline == kNoDeadline) {
    glfwWaitEvents();
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (deadline <= now) {
    glfwPollEvents();
    return;
  }
  glfwWaitEventsTimeout(std::chrono::duration<double>(deadline - now).count());
}

void Window::draw(const DrawFn& draw) { render_frame(draw, nullptr); }

bool Window::draw_and_capture(const DrawFn& draw, const std::string& png_path) { return render_frame(draw, &png_path); }

namespace {

// FNV-1a over what ImGui would render: every vertex, index and draw command
// (clip rectangle, texture, ranges), and the framebuffer's size.
std::uint64_t picture_hash(const ImDrawData& data, const WindowSize& size) {
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&hash](const void* bytes, std::size_t length) {
    const auto* p = static_cast<const unsigned char*>(bytes);
    for (std::size_t i = 0; i < length; ++i) hash = (hash ^ p[i]) * 1099511628211ull;
  };
  mix(&size.width, sizeof size.width);
  mix(&size.height, sizeof size.height);
  for (int l = 0; l < data.CmdListsCount; ++l) {
    const ImDrawList& list = *data.CmdLists[l];
    mix(list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes());
    mix(list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes());
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      mix(&cmd.ClipRect, sizeof cmd.ClipRect);
      mix(&cmd.TextureId, sizeof cmd.TextureId);
      mix(&cmd.VtxOffset, sizeof cmd.VtxOffset);
      mix(&cmd.IdxOffset, sizeof cmd.IdxOffset);
      mix(&cmd.ElemCount, sizeof cmd.ElemCount);
    }
  }
  return hash;
}

}  // namespace

bool Window::render_frame(const DrawFn& draw, const std::string* png_path) {
  context_.make_current();
  if (fonts_.rebuild_needed()) fonts_.rebuild();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  key_taps_.before_frame(ImGui::GetIO());
  ImGui::NewFrame();
  widgets_.begin_frame();
  TouchUi ui(fonts_, widgets_);
  draw(ui);
  ImGui::Render();

  const WindowSize size = framebuffer_size();
  // A refresh that changes nothing draws nothing: GL (llvmpipe on a kiosk
  // without a GPU) is most of a frame's cost.
  const std::uint64_t picture = picture_hash(*ImGui::GetDrawData(), size);
  if (png_path == nullptr && shown_picture_ == picture) {
    ++frames_skipped_;
    frames_owed_ = std::max(0, frames_owed_ - 1);
    if (fonts_.rebuild_needed()) frames_owed_ = std::max(frames_owed_, 1);
    return false;
  }
  shown_picture_ = picture;
  glViewport(0, 0, size.width, size.height);
  glClearColor(clear_colour_.x, clear_colour_.y, clear_colour_.z, clear_colour_.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  const bool captured = png_path != nullptr && write_back_buffer_png(*png_path, size.width, size.height);
  glfwSwapBuffers(window_.get());

  ++frames_drawn_;
  frames_owed_ = std::max(0, frames_owed_ - 1);
  if (fonts_.rebuild_needed()) frames_owed_ = std::max(frames_owed_, 1);  // redraw soon with the new glyphs
  return captured;
}

}  // namespace kiosk::ui
