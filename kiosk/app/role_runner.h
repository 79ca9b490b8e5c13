// What `kiosk --role R` does for every windowed role, written once: the flags
// they all take (--lang, --windowed, --screen/--screenshot, --frame-stats,
// --widget-map; --store and the enrolment are remote/device_start.h), the
// texts, and the end of a run: one scripted screenshot or the frame loop.
// A role's runner (e.g. counter/counter_role.cpp) reads its own flags, makes
// its window and app, then calls show_role().
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/language.h"
#include "app/role_app.h"
#include "app/translations.h"
#include "app/window_runtime.h"
#include "core/command_line.h"
#include "core/result.h"
#include "ui/window.h"

namespace kiosk::app {

struct RoleOptions {
  std::string language;  // one of the role's languages
  ui::WindowConfig window;
  std::optional<std::string> screen, screenshot;  // both or neither
  bool frame_stats = false;
  std::optional<std::string> widget_map;  // the file the widgets' rectangles go to
};

// Reads the common flags; `languages` are the values --lang takes, the first
// the default. Throws UsageError for a bad value.
RoleOptions read_role_options(CommandLine& cl, const std::vector<std::string>& languages = {"zh", "en"});
// The staff's screens (counter console, technician's tablet) show more than a
// customer's: somewhat smaller fonts.
ui::FontScale staff_font_scale();
// "zh" or "en" as the screens' Language.
Language language_named(const std::string& language);
// The texts of assets/i18n; throws (the kiosk prints it and exits 1) if they cannot be used.
Translations role_texts();

// Brings the app to a named screen and returns the moment to draw it at, or
// why not (InvalidArgument: an unknown name, exit 2).
using ScriptScreen = std::function<Result<EpochMs>(const std::string& screen, EpochMs now)>;

// Hands the app's texts to the atlas, then draws the scripted screen into the
// screenshot (--screen) or runs the frame loop until a stop. Returns the exit code.
int show_role(ui::Window& window, RoleApp& app, const RoleOptions& options, const StopSignals& stop,
              const ScriptScreen& script);

}  // namespace kiosk::app
