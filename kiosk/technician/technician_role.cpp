// `kiosk --role technician`: options, then the window and the frame loop, or
// one scripted screenshot (--screen NAME --screenshot FILE.png). The device
// talks to the store node only through its worker; it starts on the login
// screen, so there is nothing to wait for before the first frame.
#include "technician/technician_role.h"

#include <cstdio>

#include "app/window_runtime.h"
#include "technician/scripted_screens.h"
#include "technician/technician_app.h"

namespace kiosk::technician {

int run_technician_role(CommandLine& cl) {
  TechnicianAppConfig config;
  config.store_url = cl.required("store");
  if (config.store_url.rfind("http://", 0) != 0 && config.store_url.rfind("https://", 0) != 0)
    throw UsageError("--store must be a URL such as http://192.168.1.10:8700");
  while (!config.store_url.empty() && config.store_url.back() == '/') config.store_url.pop_back();
  const std::string lang = cl.optional("lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw UsageError("--lang must be zh or en");
  config.language = lang == "en" ? Language::En : Language::Zh;
  ui::WindowConfig window_config;
  window_config.font_scale = technician_font_scale();
  if (std::optional<std::string> size = cl.optional("windowed")) {
    window_config.windowed = ui::parse_window_size(*size);
    if (!window_config.windowed) throw UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1280x800");
  }
  app::LoopOptions loop;
  loop.frame_stats = cl.flag("frame-stats");
  std::optional<app::WidgetMapWriter> widget_map;
  if (std::optional<std::string> path = cl.optional("widget-map")) widget_map.emplace(*path);
  if (widget_map) loop.widget_map = &*widget_map;
  const std::optional<std::string> screen = cl.optional("screen"), screenshot = cl.optional("screenshot");
  if (screen.has_value() != screenshot.has_value()) throw UsageError("--screen and --screenshot go together");
  cl.finish();

  Result<app::Translations> texts = app::load_translations();
  if (!texts) {
    std::fprintf(stderr, "kiosk: %s\n", texts.error().message.c_str());
    return app::kExitFailure;
  }
  app::StopSignals stop_signals;  // before any other thread starts
  window_config.title = "Technician";
  ui::Window window(window_config);
  TechnicianApp app(config, std::move(texts).value(), [] { ui::Window::wake(); });
  app::seed_fonts(window.fonts(), app);
  if (screen) {
    Result<EpochMs> at = script_screen(app, *screen, app::wall_now_ms());
    if (!at) {
      std::fprintf(stderr, "kiosk: %s\n", at.error().message.c_str());
      return app::kExitUsage;
    }
    return app::capture_screenshot(window, app, at.value(), *screen, *screenshot);
  }
  app::run_frame_loop(window, app, stop_signals, loop);
  return 0;
}

}  // namespace kiosk::technician
