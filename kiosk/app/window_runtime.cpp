// The windowed roles' shared runtime: stop signals, frame loop, screenshots.
#include "app/window_runtime.h"

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <utility>
#include <vector>

#include "core/install_dirs.h"
#include "systemd/watchdog_notifier.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace kiosk::app {
namespace {

constexpr const char* kTicketLabelCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

ui::Deadline to_deadline(std::optional<EpochMs> at, EpochMs now) {
  if (!at) return ui::kNoDeadline;
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max<EpochMs>(0, *at - now));
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Test hook, documented in docs/deploy.md: KIOSK_TEST_HANG_FRAME_SECONDS=N makes the
// frame after the first one sleep N seconds, as a hung UI would, so that tests can
// see the watchdog pings stop. Unset (always, in production): 0.
int test_hang_seconds() {
  const char* text = std::getenv("KIOSK_TEST_HANG_FRAME_SECONDS");
  return text ? std::atoi(text) : 0;
}

void print_frame_stats(std::vector<double> frame_ms) {
  if (frame_ms.empty()) return;
  std::sort(frame_ms.begin(), frame_ms.end());
  const auto at = [&](double p) {
    return frame_ms[std::min(frame_ms.size() - 1, std::size_t(p * double(frame_ms.size())))];
  };
  std::fprintf(stderr, "{\"frames\": %zu, \"frame_cpu_ms_p50\": %.3f, \"frame_cpu_ms_p99\": %.3f}\n", frame_ms.size(),
               at(0.5), at(0.99));
}

}  // namespace

StopSignals::StopSignals() {
  sigemptyset(&set_);
  sigaddset(&set_, SIGTERM);
  sigaddset(&set_, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set_, nullptr);
  thread_ = std::thread([this] {
    int signal = 0;
    sigwait(&set_, &signal);
    stop_ = true;
    if (!released_) ui::Window::wake();
  });
}

StopSignals::~StopSignals() {
  released_ = true;
  if (!stop_) pthread_kill(thread_.native_handle(), SIGTERM);
  thread_.join();
}

EpochMs wall_now_ms() { return SystemClock().now_ms(); }

std::string assets_dir() { return data_dir_for("KIOSK_ASSETS_DIR", "assets", KIOSK_ASSETS_DIR); }

Result<Translations> load_translations() { return Translations::load_directory(assets_dir() + "/i18n"); }

void seed_fonts(ui::FontAtlas& fonts, const RoleApp& app) {
  for (const std::string& text : app.texts_to_show()) fonts.add_text(text);
  fonts.add_text(kTicketLabelCharacters, ui::FontRole::huge);
}

void run_frame_loop(ui::Window& window, RoleApp& app, const StopSignals& stop, const LoopOptions& options) {
  std::vector<double> frame_ms;
  platform::WatchdogNotifier watchdog;
  int hang_s = test_hang_seconds();
  long frames = 0;
  while (!window.should_close() && !stop.stop_requested()) {
    if (hang_s > 0 && frames == 1) {
      std::this_thread::sleep_for(std::chrono::seconds(std::exchange(hang_s, 0)));
    }
    const double cpu_start = options.frame_stats ? thread_cpu_ms() : 0;
    const EpochMs now = wall_now_ms();
    app.update(now);
    window.draw([&](ui::TouchUi& ui) { app.draw(ui, now); });
    if (options.widget_map) options.widget_map->write(window.widgets());
    app.apply_taps(now);
    if (options.frame_stats) frame_ms.push_back(thread_cpu_ms() - cpu_start);
    ++frames;
    watchdog.alive(std::chrono::steady_clock::now());
    window.wait_until(std::min(to_deadline(app.next_deadline(now), now), watchdog.next_ping()));
  }
  print_frame_stats(std::move(frame_ms));
}

int capture_screenshot(ui::Window& window, RoleApp& app, EpochMs at, const std::string& screen_name,
                       const std::string& png_path) {
  seed_fonts(window.fonts(), app);
  auto draw = [&](ui::TouchUi& ui) { app.draw(ui, at); };
  window.draw(draw);  // notes every character the screen shows; the atlas grows before the next frame
  const long fallback_before = window.fonts().fallback_glyphs_drawn();
  if (!window.draw_and_capture(draw, png_path)) {
    std::fprintf(stderr, "kiosk: could not write %s\n", png_path.c_str());
    return kExitFailure;
  }
  const long fallback = window.fonts().fallback_glyphs_drawn() - fallback_before;
  if (fallback > 0 || !window.fonts().missing_characters().empty()) {
    std::fprintf(stderr, "kiosk: %ld character(s) drawn without a glyph on screen %s\n", fallback, screen_name.c_str());
    return kExitMissingGlyph;
  }
  return 0;
}

}  // namespace kiosk::app
