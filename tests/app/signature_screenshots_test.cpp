// The signature pad drawn by the real window (GLFW + OpenGL3 under a private
// Xvfb, Mesa llvmpipe) at the technician's font scale, empty and signed, in
// Chinese and English, on a landscape 1280x800 and a portrait 800x1280
// tablet, written as PNG files to look at, with the signature's own PNG:
//   <build>/tests/app/screenshots/signature/<size>/pad_{empty,signed}_<lang>.png
//   <build>/tests/app/screenshots/signature/signature.png
// Asserts that each file was written and that no character was drawn as '?'.
#include <dlfcn.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "app/role_runner.h"
#include "kit/signature_pad.h"
#include "kit/touch_kit.h"
#include "printer/png_preview.h"
#include "signature_samples.h"
#include "support/kiosk_texts.h"
#include "support/xvfb_server.h"
#include "ui/window.h"

using namespace kiosk;
using namespace kiosk::kit;

namespace {

const std::string kDir = std::string(KIOSK_SCREENSHOT_DIR) + "/signature";

// As in customer_screenshots_test.cpp: under ASan, keep Mesa mapped so its
// globals are not reported as leaks after glfwTerminate().
void keep_mesa_mapped_for_leak_reports() {
#ifdef __SANITIZE_ADDRESS__
  for (const char* library : {"libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
    if (dlopen(library, RTLD_NOW | RTLD_NODELETE) == nullptr)
      std::printf("cannot keep %s mapped: %s\n", library, dlerror());
#endif
}

void screenshots(int width, int height) {
  keep_mesa_mapped_for_leak_reports();
  test::XvfbServer xvfb(width, height);
  ui::WindowConfig config;
  config.title = "signature-screenshots";
  config.windowed = ui::WindowSize{width, height};
  config.font_scale = app::staff_font_scale();
  ui::Window window(config);
  const app::Translations texts = test::kiosk_texts();
  for (const std::string& text : texts.all_texts()) window.fonts().add_text(text);
  const std::string dir = kDir + "/" + std::to_string(width) + "x" + std::to_string(height);
  std::filesystem::create_directories(dir);
  // The sample moved onto this pad's baseline, as a customer would sign.
  const float em = window.fonts().size_px(ui::FontRole::body);
  const float pad_w = 0.92f * static_cast<float>(width), pad_h = 0.375f * static_cast<float>(height);
  SignatureInk signed_ink = test::sample_signature();
  for (InkStroke& stroke : signed_ink.strokes)
    for (InkPoint& p : stroke) p = {p.x + 0.06f * pad_w / em - 2.0f, p.y + 0.74f * pad_h / em - 8.4f};
  for (app::Language language : {app::Language::Zh, app::Language::En}) {
    for (const bool is_signed : {false, true}) {
      const SignatureInk ink = is_signed ? signed_ink : SignatureInk{};
      // The pad where a screen would put it: under a top bar (4 em), most
      // of the width, 3/8 of the height.
      const ui::DrawFn draw = [&](ui::TouchUi& touch) {
        const ScreenStyle style(touch.em());  // before the panel: its background too
        const ui::ScreenPanel panel("signature");
        gap(touch, 4.0f);
        ImGui::SetCursorPosX((static_cast<float>(width) - pad_w) / 2);
        signature_pad(touch, ink, texts, language, pad_w, pad_h);
      };
      window.draw(draw);  // notes new characters; the atlas grows before the next frame
      const long fallback_before = window.fonts().fallback_glyphs_drawn();
      const std::string path =
          dir + "/pad_" + (is_signed ? "signed" : "empty") + (language == app::Language::Zh ? "_zh" : "_en") + ".png";
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

TEST_CASE("the signature pad, landscape 1280x800") { screenshots(1280, 800); }
TEST_CASE("the signature pad, portrait 800x1280") { screenshots(800, 1280); }

TEST_CASE("the signature's PNG, as uploaded") {
  std::filesystem::create_directories(kDir);
  const std::string path = kDir + "/signature.png";
  const printer::MonoBitmap image = rasterize_signature(test::sample_signature().strokes);
  CHECK(printer::write_png(image, path).empty());
  CHECK(std::filesystem::file_size(path) == signature_png(test::sample_signature().strokes).size());
  std::printf("[screenshot] %s\n", path.c_str());
}
