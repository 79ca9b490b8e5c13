// `kiosk --role technician`: its flags, the tablet's database checked before
// the window opens, then the frame loop, or one scripted screenshot
// (app/role_runner.h), which reads and writes no database and so needs no
// --data. The tablet works on its own file only through its worker and sync
// thread; it starts on the login screen, so there is nothing to wait for
// before the first frame.
#include "technician/technician_role.h"

#include <cstdio>
#include <optional>

#include "app/role_runner.h"
#include "field/field_db.h"
#include "technician/scripted_screens.h"
#include "technician/technician_app.h"

namespace kiosk::technician {

int run_technician_role(CommandLine& cl) {
  TechnicianAppConfig config;
  const std::optional<std::string> data_dir = cl.optional("data");
  app::RoleOptions options = app::read_role_options(cl);
  config.language = app::language_named(options.language);
  cl.finish();
  if (!options.screen) {
    if (!data_dir) throw UsageError("--data DIR is required: the tablet's database is DIR/technician.db");
    config.tablet.data_dir = *data_dir;
  }

  app::Translations texts = app::role_texts();
  if (!config.tablet.data_dir.empty()) {  // fail early and clearly
    Result<std::unique_ptr<FieldDb>> field = FieldDb::open(config.tablet.data_dir, SystemClock().now_ms());
    if (!field) {
      std::fprintf(stderr, "kiosk: %s\n", field.error().message.c_str());
      return app::kExitFailure;
    }
  }
  app::StopSignals stop_signals;  // before any other thread starts
  options.window.title = "Technician";
  options.window.font_scale = app::staff_font_scale();
  ui::Window window(options.window);
  TechnicianApp app(TechnicianRole{config, std::move(texts)}, app::wall_now_ms(), [] { ui::Window::wake(); });
  return app::show_role(window, app, options, stop_signals,
                        [&](const std::string& screen, EpochMs now) { return script_screen(app, screen, now); });
}

}  // namespace kiosk::technician
