// `kiosk --role customer`: its flags, the store check, the optional
// in-process store node (--listen: node/running_node.h), then the window and
// the frame loop or one screenshot (app/role_runner.h).
#include "customer/customer_role.h"

#include <cstdio>
#include <memory>

#include "app/role_runner.h"
#include "customer/customer_app.h"
#include "customer/scripted_screens.h"
#include "node/running_node.h"
#include "printer/printer_port.h"
#include "store/store_db.h"

namespace kiosk::customer {
namespace {

// Waits (a bounded while) until the workers have answered everything asked so far.
void settle(CustomerApp& app, EpochMs at) {
  if (!app.settle(at, 2000))
    std::fprintf(stderr, "kiosk: the store did not answer within 2 s; drawing what there is\n");
}

}  // namespace

int run_customer_role(CommandLine& cl) {
  CustomerAppConfig config;
  config.data_dir = cl.required("data");
  app::RoleOptions options = app::read_role_options(cl);
  config.language = app::language_named(options.language);
  const std::string printer = cl.optional("printer").value_or("none");
  if (printer != "none") config.printer = printer::printer_target_for_path(printer);
  if (cl.optional("idle-quiet-seconds"))
    config.timings.idle_quiet = EpochMs(cl.required_int("idle-quiet-seconds", 5, 3600)) * 1000;
  std::optional<ListenAddress> listen;
  if (std::optional<std::string> address = cl.optional("listen")) {
    Result<ListenAddress> parsed = parse_listen_address(*address);
    if (!parsed) throw UsageError(parsed.error().message);
    listen = parsed.value();
  }
  cl.finish();

  app::Translations texts = app::role_texts();
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(config.data_dir);  // fail early and clearly
  if (!store) {
    std::fprintf(stderr, "kiosk: %s\n", store.error().message.c_str());
    return app::kExitFailure;
  }
  config.store_id = store.value()->store_id();
  store.value().reset();

  app::StopSignals stop_signals;  // before any other thread starts
  SystemClock clock;
  std::unique_ptr<node::RunningNode> store_node;  // the process owning the store serves, syncs and purges it
  if (listen && !options.screen) {
    node::StoreNodeConfig node_config;
    node_config.data_dir = config.data_dir;
    node_config.listen = *listen;
    Result<std::unique_ptr<node::RunningNode>> started = node::RunningNode::start(node_config, clock);
    if (!started) {
      std::fprintf(stderr, "kiosk: %s\n", started.error().message.c_str());
      return app::kExitFailure;
    }
    store_node = std::move(started.value());
  }
  options.window.title = "Service kiosk " + config.store_id;
  ui::Window window(options.window);
  CustomerApp app(CustomerRole{config, std::move(texts)}, app::wall_now_ms(), [] { ui::Window::wake(); });
  settle(app, app::wall_now_ms());  // the first frame shows the queue, not an empty list
  return app::show_role(window, app, options, stop_signals, [&](const std::string& screen, EpochMs now) {
    Result<EpochMs> at = script_screen(app, screen, config.data_dir, now);
    if (at) settle(app, at.value());
    return at;
  });
}

}  // namespace kiosk::customer
