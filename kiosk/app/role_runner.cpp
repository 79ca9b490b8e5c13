// The common flags of the windowed roles and the end of their run.
#include "app/role_runner.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "app/widget_map.h"

namespace kiosk::app {

RoleOptions read_role_options(CommandLine& cl, const std::vector<std::string>& languages) {
  RoleOptions options;
  options.language = cl.optional("lang").value_or(languages.front());
  if (std::find(languages.begin(), languages.end(), options.language) == languages.end()) {
    std::string listed;
    for (std::size_t i = 0; i < languages.size(); ++i)
      listed += (i == 0 ? "" : i + 1 == languages.size() ? " or " : ", ") + languages[i];
    throw UsageError("--lang must be " + listed);
  }
  if (std::optional<std::string> size = cl.optional("windowed")) {
    options.window.windowed = ui::parse_window_size(*size);
    if (!options.window.windowed) throw UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1280x800");
  }
  options.screen = cl.optional("screen");
  options.screenshot = cl.optional("screenshot");
  if (options.screen.has_value() != options.screenshot.has_value())
    throw UsageError("--screen and --screenshot go together");
  options.frame_stats = cl.flag("frame-stats");
  options.widget_map = cl.optional("widget-map");
  return options;
}

ui::FontScale staff_font_scale() {
  ui::FontScale scale;
  scale.body = 1.0f / 30;
  scale.large = 1.0f / 20;
  scale.huge = 1.0f / 7;
  scale.min_width_em = 40;
  return scale;
}

Language language_named(const std::string& language) { return language == "en" ? Language::En : Language::Zh; }

Translations role_texts() {
  Result<Translations> texts = load_translations();
  if (!texts) throw std::runtime_error(texts.error().message);
  return std::move(texts).value();
}

int show_role(ui::Window& window, RoleApp& app, const RoleOptions& options, const StopSignals& stop,
              const ScriptScreen& script) {
  seed_fonts(window.fonts(), app);
  if (options.screen) {
    Result<EpochMs> at = script(*options.screen, wall_now_ms());
    if (!at) {
      std::fprintf(stderr, "kiosk: %s\n", at.error().message.c_str());
      return at.error().kind == ErrorKind::InvalidArgument ? kExitUsage : kExitFailure;
    }
    return capture_screenshot(window, app, at.value(), *options.screen, *options.screenshot);
  }
  LoopOptions loop;
  loop.frame_stats = options.frame_stats;
  std::optional<WidgetMapWriter> widget_map;
  if (options.widget_map) {
    widget_map.emplace(*options.widget_map);
    loop.widget_map = &*widget_map;
  }
  run_frame_loop(window, app, stop, loop);
  return 0;
}

}  // namespace kiosk::app
