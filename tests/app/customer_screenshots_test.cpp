// Every customer screen sample drawn by the real window (GLFW + OpenGL3 under
// a private Xvfb, Mesa llvmpipe) in Chinese and English, on a landscape
// 1280x800 and a portrait 1080x1920 screen, written as PNG files to look at:
//   <build>/tests/app/screenshots/<size>/<sample>_<lang>.png
// Asserts that each file was written and that no character was drawn as '?'.
#include <dlfcn.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "customer/screens/customer_kit.h"
#include "customer/screens/customer_screens.h"
#include "screen_samples.h"
#include "support/kiosk_texts.h"
#include "support/xvfb_server.h"
#include "ui/window.h"

using namespace kiosk;
using namespace kiosk::customer;

namespace {

// Under ASan: glfwTerminate() unloads Mesa, and LeakSanitizer then reports
// Mesa's own globals' objects as leaks; keeping it mapped avoids that (as in
// tests/platform/ui/window_xvfb_test.cpp).
void keep_mesa_mapped_for_leak_reports() {
#ifdef __SANITIZE_ADDRESS__
  for (const char* library : {"libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
    if (dlopen(library, RTLD_NOW | RTLD_NODELETE) == nullptr)
      std::printf("cannot keep %s mapped: %s\n", library, dlerror());
#endif
}

void screenshots(int width, int height) {
  keep_mesa_mapped_for_leak_reports();
  kiosk::test::XvfbServer xvfb(width, height);
  ui::WindowConfig config;
  config.title = "customer-screenshots";
  config.windowed = ui::WindowSize{width, height};
  ui::Window window(config);
  const app::Translations texts = test::kiosk_texts();
  for (const std::string& text : test::sample_texts(texts)) window.fonts().add_text(text);
  window.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
  const std::string dir =
      std::string(KIOSK_SCREENSHOT_DIR) + "/" + std::to_string(width) + "x" + std::to_string(height);
  std::filesystem::create_directories(dir);
  const CustomerTimings timings;
  for (Language language : {Language::Zh, Language::En}) {
    for (const test::ScreenSample& sample : test::screen_samples(language)) {
      const CustomerView view{sample.state, texts, timings, sample.now, test::kSampleStoreId};
      const ui::DrawFn draw = [&](ui::TouchUi& touch) { draw_customer_screen(touch, view, [](Action) {}); };
      window.draw(draw);  // notes new characters; the atlas grows before the next frame
      const long fallback_before = window.fonts().fallback_glyphs_drawn();
      const std::string path = dir + "/" + sample.name + (language == Language::Zh ? "_zh" : "_en") + ".png";
      INFO(path);
      CHECK(window.draw_and_capture(draw, path));
      CHECK(window.fonts().fallback_glyphs_drawn() == fallback_before);
      std::printf("[screenshot] %s\n", path.c_str());
    }
  }
  CHECK(window.fonts().missing_characters().empty());
  CHECK(texts.missing_keys().empty());
}

}  // namespace

TEST_CASE("customer screens, landscape 1280x800") { screenshots(1280, 800); }
TEST_CASE("customer screens, portrait 1080x1920") { screenshots(1080, 1920); }
