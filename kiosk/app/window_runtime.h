// What every windowed role of the kiosk executable shares: stopping cleanly on
// SIGTERM/SIGINT, the event-driven frame loop, `--screenshot` capture with the
// missing-glyph check, `--frame-stats`, and where assets and texts come from.
#pragma once

#include <signal.h>

#include <atomic>
#include <optional>
#include <string>
#include <thread>

#include "app/role_app.h"
#include "app/translations.h"
#include "app/widget_map.h"
#include "core/clock.h"
#include "ui/window.h"

namespace kiosk::app {

constexpr int kExitFailure = 1, kExitUsage = 2, kExitMissingGlyph = 4;

// Blocks SIGTERM/SIGINT for the process (construct before any other thread
// starts) and turns them into stop_requested() plus a window wake-up
// (glfwPostEmptyEvent is not safe inside a signal handler).
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  bool stop_requested() const { return stop_; }

 private:
  sigset_t set_{};
  std::atomic<bool> stop_{false};
  std::atomic<bool> released_{false};
  std::thread thread_;
};

EpochMs wall_now_ms();
// The assets directory: $KIOSK_ASSETS_DIR, else the installed share/kiosk/assets, else the build tree's.
std::string assets_dir();
// The texts of assets/i18n/*.json, or the reason it cannot be used (printed by the caller).
Result<Translations> load_translations();

struct LoopOptions {
  WidgetMapWriter* widget_map = nullptr;  // --widget-map: the widgets' rectangles after each frame
  bool frame_stats = false;               // --frame-stats: UI-thread CPU per frame, printed at exit
};

// Draws `app` whenever input, a wake() or its next deadline comes, until the
// window closes or a stop signal arrives. Under systemd it sends READY=1 after
// the first frame and wakes for every watchdog ping (platform/systemd).
void run_frame_loop(ui::Window& window, RoleApp& app, const StopSignals& stop, const LoopOptions& options);

// Draws `app` as it is at `at` into `png_path` (twice: the first frame grows
// the atlas). Returns an exit code: 0, kExitFailure, or kExitMissingGlyph when
// a character was drawn without a glyph.
int capture_screenshot(ui::Window& window, RoleApp& app, EpochMs at, const std::string& screen_name,
                       const std::string& png_path);

// Hands everything the app may show to the atlas (plus the characters of ticket labels in the huge font).
void seed_fonts(ui::FontAtlas& fonts, const RoleApp& app);

}  // namespace kiosk::app
