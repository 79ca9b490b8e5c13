// The calling display's board drawn by the real window (GLFW + OpenGL3 under a
// private Xvfb) from a real node's calls, in Chinese and English leading, on a
// 1920x1080 TV and a 1280x720 screen, written as PNG files to look at:
//   <build>/tests/display/screenshots/<size>/<sample>_<lang>.png
// Asserts each file was written and that no character was drawn as '?'.
#include <dlfcn.h>
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>

#include "display/display_reducer.h"
#include "display/screens/display_screens.h"
#include "display_harness.h"
#include "support/temp_dir.h"
#include "support/xvfb_server.h"
#include "ui/window.h"

using namespace kiosk;
using namespace kiosk::display;

namespace {

// As in tests/app/customer_screenshots_test.cpp: keeps Mesa mapped for LeakSanitizer.
void keep_mesa_mapped_for_leak_reports() {
#ifdef __SANITIZE_ADDRESS__
  for (const char* library : {"libGLX_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
    if (dlopen(library, RTLD_NOW | RTLD_NODELETE) == nullptr)
      std::printf("cannot keep %s mapped: %s\n", library, dlerror());
#endif
}

struct Sample {
  std::string name;
  DisplayState state;
  EpochMs now;
};

// Boards from a real node: empty, a new call blinking (bright), a recall after its highlight, offline.
std::vector<Sample> samples() {
  test::NodeFixture node;
  for (int i = 0; i < 24; ++i)
    if (!node.store.engine->issue({std::string(1, "ABCDEFGH"[i % 8]), false, "13812345678"}))
      throw std::runtime_error("issue");
  if (!node.store.engine->open_counter(1, {"A", "B", "C", "D", "E", "F", "G", "H"})) throw std::runtime_error("open");
  test::TempDir device_dir;
  DisplayApp app(DisplayRole(test::fast_config(node, device_dir.path()), test::kiosk_texts(), nullptr),
                 SystemClock().now_ms(), [] {});
  if (!test::pump_until(app, [&] { return app.state().history_loaded; })) throw std::runtime_error("no node");
  std::vector<Sample> out;
  out.push_back({"empty", app.state(), SystemClock().now_ms()});
  test::ApiClient c1 = node.staff_client("Li", "2580", 1);
  test::ApiClient c2 = node.staff_client("Wang", "1470", 3);
  for (int i = 0; i < 6; ++i) test::call_next(i % 2 ? c2 : c1, i % 2 ? 3 : 1);
  if (c2.post("/api/v1/counters/3/recall").status != 200) throw std::runtime_error("recall");
  test::call_next(c1, 1);
  if (!test::pump_until(app, [&] { return app.state().calls.size() == kKeptCalls && app.state().last_seq >= 8; }))
    throw std::runtime_error("calls did not arrive");
  const EpochMs arrived = app.state().calls.front().arrived_at;
  out.push_back({"new_call", app.state(), arrived + 100});
  c2.post("/api/v1/counters/3/recall");
  if (!test::pump_until(app, [&] { return app.state().calls.front().event.recall; }))
    throw std::runtime_error("recall");
  out.push_back({"recall", app.state(), app.state().calls.front().arrived_at + 30000});
  DisplayState offline = app.state();
  reduce(offline, NodeUnreachable{"sample"}, arrived);
  out.push_back({"offline", offline, arrived + 30000});
  return out;
}

void screenshots(const std::vector<Sample>& all, int width, int height) {
  keep_mesa_mapped_for_leak_reports();
  test::XvfbServer xvfb(width, height);
  ui::WindowConfig config;
  config.title = "display-screenshots";
  config.windowed = ui::WindowSize{width, height};
  config.font_scale = display_font_scale();
  ui::Window window(config);
  const app::Translations texts = test::kiosk_texts();
  for (const std::string& text : texts.all_texts()) window.fonts().add_text(text);
  window.fonts().add_text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", ui::FontRole::huge);
  const DisplayTimings timings;
  const std::string dir =
      std::string(KIOSK_SCREENSHOT_DIR) + "/" + std::to_string(width) + "x" + std::to_string(height);
  std::filesystem::create_directories(dir);
  for (LanguageChoice language : {LanguageChoice::Zh, LanguageChoice::En}) {
    for (const Sample& sample : all) {
      DisplayState state = sample.state;
      state.language = language;
      const ui::DrawFn draw = [&](ui::TouchUi& t) {
        draw_display_board(t, BoardView{state, texts, timings, sample.now, nullptr});
      };
      window.draw(draw);  // notes new characters; the atlas grows before the next frame
      const long fallback_before = window.fonts().fallback_glyphs_drawn();
      const std::string path = dir + "/" + sample.name + (language == LanguageChoice::Zh ? "_zh" : "_en") + ".png";
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

TEST_CASE("display board screenshots, 1920x1080 and 1280x720") {
  const std::vector<Sample> all = samples();
  screenshots(all, 1920, 1080);
  screenshots(all, 1280, 720);
}
