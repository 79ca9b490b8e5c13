// kiosk: the touch-screen app. One process per device role: the walk-in
// customer's kiosk, and the store node's LAN API without a window.
//   kiosk --role node --data DIR [--listen 127.0.0.1:8700]
//   kiosk --role customer --data DIR [--lang zh|en] [--windowed WxH]
//         [--printer /dev/usb/lp0|FILE|FILE.png|none] [--idle-quiet-seconds N] [--widget-map FILE]
//         [--frame-stats]
//         [--screen NAME --screenshot FILE.png]
// Exit codes: 0 done, 1 failure (no display, no store...), 2 bad usage,
// 4 a screenshot drew a character the fonts lack.
#include <signal.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "app/command_line.h"
#include "app/translations.h"
#include "app/widget_map.h"
#include "customer/customer_app.h"
#include "customer/scripted_screens.h"
#include "node/node_role.h"
#include "printer/printer_port.h"
#include "store/store_db.h"
#include "ui/window.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the assets directory"
#endif

namespace kiosk {
namespace {

constexpr int kExitFailure = 1, kExitUsage = 2, kExitMissingGlyph = 4;
constexpr const char* kTicketLabelCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

std::atomic<bool> g_stop{false};

// SIGTERM/SIGINT end the frame loop: a thread waits for them and wakes the
// window (glfwPostEmptyEvent is not safe inside a signal handler).
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, nullptr);  // before any other thread starts
    thread_ = std::thread([this] {
      int signal = 0;
      sigwait(&set_, &signal);
      g_stop = true;
      if (signal != 0 && !released_) ui::Window::wake();
    });
  }
  ~StopSignals() {
    released_ = true;
    if (!g_stop) pthread_kill(thread_.native_handle(), SIGTERM);
    thread_.join();
  }

 private:
  sigset_t set_{};
  std::atomic<bool> released_{false};
  std::thread thread_;
};

EpochMs now_ms() { return SystemClock().now_ms(); }

ui::Deadline to_deadline(std::optional<EpochMs> at, EpochMs now) {
  if (!at) return ui::kNoDeadline;
  return std::chrono::steady_clock::now() + std::chrono::milliseconds(std::max<EpochMs>(0, *at - now));
}

std::string assets_dir() {
  const char* from_env = std::getenv("KIOSK_ASSETS_DIR");
  return from_env && *from_env ? from_env : KIOSK_ASSETS_DIR;
}

void seed_fonts(ui::FontAtlas& fonts, const customer::CustomerApp& app) {
  for (const std::string& text : app.texts_to_show()) fonts.add_text(text);
  fonts.add_text(kTicketLabelCharacters, ui::FontRole::huge);
}

// Waits (a bounded while) until the worker has answered everything asked so far.
void settle(customer::CustomerApp& app, EpochMs at) {
  for (int i = 0; i < 1000; ++i) {
    if (app.worker_idle()) {
      app.update(at);  // takes the worker's answers (they may ask for more)
      if (app.worker_idle() && !app.state().services_loading) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::fprintf(stderr, "kiosk: the store did not answer within 2 s; drawing what there is\n");
}

int take_screenshot(ui::Window& window, customer::CustomerApp& app, const std::string& screen, const std::string& data_dir,
                    const std::string& png_path) {
  Result<EpochMs> at = customer::script_screen(app, screen, data_dir, now_ms());
  if (!at) {
    std::fprintf(stderr, "kiosk: %s\n", at.error().message.c_str());
    return at.error().kind == ErrorKind::InvalidArgument ? kExitUsage : kExitFailure;
  }
  settle(app, at.value());
  seed_fonts(window.fonts(), app);
  auto draw = [&](ui::TouchUi& ui) { app.draw(ui, at.value()); };
  window.draw(draw);  // notes every character the screen shows; the atlas grows before the next frame
  const long fallback_before = window.fonts().fallback_glyphs_drawn();
  if (!window.draw_and_capture(draw, png_path)) {
    std::fprintf(stderr, "kiosk: could not write %s\n", png_path.c_str());
    return kExitFailure;
  }
  const long fallback = window.fonts().fallback_glyphs_drawn() - fallback_before;
  if (fallback > 0 || !window.fonts().missing_characters().empty()) {
    std::fprintf(stderr, "kiosk: %ld character(s) drawn without a glyph on screen %s\n", fallback, screen.c_str());
    return kExitMissingGlyph;
  }
  return 0;
}

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// `--frame-stats`: the UI thread's CPU time per frame, printed at exit.
void print_frame_stats(std::vector<double> frame_ms) {
  if (frame_ms.empty()) return;
  std::sort(frame_ms.begin(), frame_ms.end());
  const auto at = [&](double p) { return frame_ms[std::min(frame_ms.size() - 1, std::size_t(p * double(frame_ms.size())))]; };
  std::fprintf(stderr, "{\"frames\": %zu, \"frame_cpu_ms_p50\": %.3f, \"frame_cpu_ms_p99\": %.3f}\n", frame_ms.size(),
               at(0.5), at(0.99));
}

void run_loop(ui::Window& window, customer::CustomerApp& app, std::optional<app::WidgetMapWriter>& widget_map,
              bool frame_stats) {
  std::vector<double> frame_ms;
  while (!window.should_close() && !g_stop) {
    const double cpu_start = frame_stats ? thread_cpu_ms() : 0;
    const EpochMs now = now_ms();
    app.update(now);
    for (const customer::ServiceView& s : app.state().services) {
      window.fonts().add_text(s.name_zh);
      window.fonts().add_text(s.name_en);
    }
    window.draw([&](ui::TouchUi& ui) { app.draw(ui, now); });
    if (widget_map) widget_map->write(window.widgets());
    app.apply_taps(now);
    if (frame_stats) frame_ms.push_back(thread_cpu_ms() - cpu_start);
    window.wait_until(to_deadline(app.next_deadline(now), now));
  }
  print_frame_stats(std::move(frame_ms));
}

int run_node(app::CommandLine& cl) {
  node::StoreNodeConfig config;
  config.data_dir = cl.required("data");
  if (std::optional<std::string> listen = cl.optional("listen")) {
    Result<node::ListenAddress> address = node::parse_listen_address(*listen);
    if (!address) throw app::UsageError(address.error().message);
    config.listen = address.value();
  }
  cl.finish();
  return node::serve_until_signalled(config);
}

int run(const std::vector<std::string>& args) {
  app::CommandLine cl(args, {"frame-stats"});
  const std::string role = cl.optional("role").value_or("customer");
  if (role == "node") return run_node(cl);
  if (role != "customer") throw app::UsageError("unknown role \"" + role + "\" (this build has: customer, node)");
  const std::string data_dir = cl.required("data");
  const std::string lang = cl.optional("lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw app::UsageError("--lang must be zh or en");
  ui::WindowConfig window_config;
  if (std::optional<std::string> size = cl.optional("windowed")) {
    window_config.windowed = ui::parse_window_size(*size);
    if (!window_config.windowed) throw app::UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1280x800");
  }
  const std::string printer = cl.optional("printer").value_or("none");
  std::optional<int> idle_quiet_s;
  if (cl.optional("idle-quiet-seconds")) idle_quiet_s = cl.required_int("idle-quiet-seconds", 5, 3600);
  const std::optional<std::string> screen = cl.optional("screen"), screenshot = cl.optional("screenshot");
  const bool frame_stats = cl.flag("frame-stats");
  std::optional<app::WidgetMapWriter> widget_map;
  if (std::optional<std::string> path = cl.optional("widget-map")) widget_map.emplace(*path);
  if (screen.has_value() != screenshot.has_value()) throw app::UsageError("--screen and --screenshot go together");
  cl.finish();

  Result<app::Translations> texts = app::Translations::load(assets_dir() + "/i18n/strings.json");
  if (!texts) {
    std::fprintf(stderr, "kiosk: %s\n", texts.error().message.c_str());
    return kExitFailure;
  }
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(data_dir);  // fail early and clearly
  if (!store) {
    std::fprintf(stderr, "kiosk: %s\n", store.error().message.c_str());
    return kExitFailure;
  }
  customer::CustomerAppConfig config;
  config.data_dir = data_dir;
  config.store_id = store.value()->store_id();
  config.language = lang == "en" ? app::Language::En : app::Language::Zh;
  if (printer != "none") config.printer = printer::printer_target_for_path(printer);
  if (idle_quiet_s) config.timings.idle_quiet = EpochMs(*idle_quiet_s) * 1000;
  store.value().reset();

  StopSignals stop_signals;
  window_config.title = "Service kiosk " + config.store_id;
  ui::Window window(window_config);
  customer::CustomerApp app(config, std::move(texts).value(), now_ms(), [] { ui::Window::wake(); });
  settle(app, now_ms());  // the first frame shows the queue, not an empty list
  seed_fonts(window.fonts(), app);
  if (screen) return take_screenshot(window, app, *screen, data_dir, *screenshot);
  run_loop(window, app, widget_map, frame_stats);
  return 0;
}

}  // namespace
}  // namespace kiosk

int main(int argc, char** argv) {
  try {
    return kiosk::run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const kiosk::app::UsageError& e) {
    std::fprintf(stderr, "kiosk: %s\nusage: kiosk --role customer --data DIR [--lang zh|en] [--windowed WxH] "
                         "[--printer PATH|none] [--screen NAME --screenshot FILE.png]\n"
                         "       kiosk --role node --data DIR [--listen ADDR:PORT]\n", e.what());
    return kiosk::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk: %s\n", e.what());
    return kiosk::kExitFailure;
  }
}
