// `kiosk --role counter`: options, then the window and the frame loop or one
// screenshot. The console talks to the store node only through its worker.
#include "counter/counter_role.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "app/window_runtime.h"
#include "counter/counter_app.h"
#include "counter/scripted_screens.h"

namespace kiosk::counter {
namespace {

// Waits (a bounded while) for the node's first answer, so the first frame
// shows the queue or that the node cannot be reached.
void settle(CounterApp& app, EpochMs at) {
  for (int i = 0; i < 2500; ++i) {
    if (app.worker_idle()) {
      app.update(at);
      if (app.worker_idle() && !app.answers_waiting() && !app.state().queue_loading) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::fprintf(stderr, "kiosk: the store node did not answer within 5 s; drawing what there is\n");
}

}  // namespace

int run_counter_role(CommandLine& cl) {
  CounterAppConfig config;
  config.store_url = cl.required("store");
  if (config.store_url.rfind("http://", 0) != 0 && config.store_url.rfind("https://", 0) != 0)
    throw UsageError("--store must be a URL such as http://192.168.1.10:8700");
  while (!config.store_url.empty() && config.store_url.back() == '/') config.store_url.pop_back();
  config.counter = cl.required_int("counter", 1, 9999);
  const std::string lang = cl.optional("lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw UsageError("--lang must be zh or en");
  config.language = lang == "en" ? Language::En : Language::Zh;
  // The counter's own receipt printer for requests it logs ("none": the clerk writes the code down).
  const std::string printer = cl.optional("printer").value_or("none");
  if (printer != "none") config.printer = printer::printer_target_for_path(printer);
  ui::WindowConfig window_config;
  window_config.font_scale = counter_font_scale();
  window_config.hide_cursor = false;  // staff may use a mouse
  if (std::optional<std::string> size = cl.optional("windowed")) {
    window_config.windowed = ui::parse_window_size(*size);
    if (!window_config.windowed) throw UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1280x800");
  }
  const std::optional<std::string> screen = cl.optional("screen"), screenshot = cl.optional("screenshot");
  if (screen.has_value() != screenshot.has_value()) throw UsageError("--screen and --screenshot go together");
  app::LoopOptions loop;
  loop.frame_stats = cl.flag("frame-stats");
  std::optional<app::WidgetMapWriter> widget_map;
  if (std::optional<std::string> path = cl.optional("widget-map")) widget_map.emplace(*path);
  if (widget_map) loop.widget_map = &*widget_map;
  cl.finish();

  Result<app::Translations> texts = app::load_translations();
  if (!texts) {
    std::fprintf(stderr, "kiosk: %s\n", texts.error().message.c_str());
    return app::kExitFailure;
  }
  app::StopSignals stop_signals;  // before any other thread starts
  window_config.title = "Counter " + std::to_string(config.counter);
  ui::Window window(window_config);
  CounterApp app(config, std::move(texts).value(), app::wall_now_ms(), [] { ui::Window::wake(); });
  settle(app, app::wall_now_ms());
  app::seed_fonts(window.fonts(), app);
  if (screen) {
    Result<EpochMs> at = script_screen(app, *screen, app::wall_now_ms());
    if (!at) {
      std::fprintf(stderr, "kiosk: %s\n", at.error().message.c_str());
      return at.error().kind == ErrorKind::InvalidArgument ? app::kExitUsage : app::kExitFailure;
    }
    return app::capture_screenshot(window, app, at.value(), *screen, *screenshot);
  }
  app::run_frame_loop(window, app, stop_signals, loop);
  return 0;
}

}  // namespace kiosk::counter
