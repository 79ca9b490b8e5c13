// `kiosk --role counter`: its flags and its enrolment with the node, then the window and the frame loop or one
// screenshot (app/role_runner.h). The console talks to the store node only
// through its worker.
#include "counter/counter_role.h"

#include <cstdio>

#include "app/role_runner.h"
#include "counter/counter_app.h"
#include "counter/scripted_screens.h"
#include "remote/device_start.h"

namespace kiosk::counter {

int run_counter_role(CommandLine& cl) {
  CounterAppConfig config;
  const remote::DeviceArgs device = remote::read_device_args(cl);
  config.store_url = device.node_url;
  config.data_dir = device.data_dir;
  config.counter = cl.required_int("counter", 1, 9999);
  app::RoleOptions options = app::read_role_options(cl);
  config.language = app::language_named(options.language);
  // The counter's own receipt printer for requests it logs ("none": the clerk writes the code down).
  const std::string printer = cl.optional("printer").value_or("none");
  if (printer != "none") config.printer = printer::printer_target_for_path(printer);
  cl.finish();
  // Enrolled before the window opens (--enrol), or the enrol screen comes first; a screenshot enrols nothing.
  remote::StartingEnrolment enrolment =
      remote::enrolment_at_start(counter_device(config), options.screen ? std::nullopt : device.enrol_code);
  config.enrolment = std::move(enrolment.enrolment);
  config.enrol_refusal = std::move(enrolment.refusal);

  app::Translations texts = app::role_texts();
  app::StopSignals stop_signals;  // before any other thread starts
  options.window.title = "Counter " + std::to_string(config.counter);
  options.window.font_scale = app::staff_font_scale();
  options.window.hide_cursor = false;  // staff may use a mouse
  ui::Window window(options.window);
  CounterApp app(CounterRole{config, std::move(texts)}, app::wall_now_ms(), [] { ui::Window::wake(); });
  // The first frame shows the queue or that the node cannot be reached.
  if (!app.settle(app::wall_now_ms(), 5000))
    std::fprintf(stderr, "kiosk: the store node did not answer within 5 s; drawing what there is\n");
  return app::show_role(window, app, options, stop_signals,
                        [&](const std::string& screen, EpochMs now) { return script_screen(app, screen, now); });
}

}  // namespace kiosk::counter
