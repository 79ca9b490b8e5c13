// `kiosk --role technician`: its flags, then the window and the frame loop, or
// one scripted screenshot (app/role_runner.h). The device talks to the store
// node only through its worker; it starts on the login screen, so there is
// nothing to wait for before the first frame.
#include "technician/technician_role.h"

#include "app/role_runner.h"
#include "technician/scripted_screens.h"
#include "technician/technician_app.h"

namespace kiosk::technician {

int run_technician_role(CommandLine& cl) {
  TechnicianAppConfig config;
  config.store_url = app::read_store_url(cl);
  app::RoleOptions options = app::read_role_options(cl);
  config.language = app::language_named(options.language);
  cl.finish();

  app::Translations texts = app::role_texts();
  app::StopSignals stop_signals;  // before any other thread starts
  options.window.title = "Technician";
  options.window.font_scale = app::staff_font_scale();
  ui::Window window(options.window);
  TechnicianApp app(TechnicianRole{config, std::move(texts)}, app::wall_now_ms(), [] { ui::Window::wake(); });
  return app::show_role(window, app, options, stop_signals,
                        [&](const std::string& screen, EpochMs now) { return script_screen(app, screen, now); });
}

}  // namespace kiosk::technician
