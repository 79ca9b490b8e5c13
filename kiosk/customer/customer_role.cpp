// `kiosk --role customer`: options, the store check, the optional in-process
// store node (--listen), then the window and the frame loop or one screenshot.
#include "customer/customer_role.h"

#include <cstdio>
#include <memory>

#include "app/window_runtime.h"
#include "customer/customer_app.h"
#include "customer/scripted_screens.h"
#include "node/store_node_server.h"
#include "node/store_purge.h"
#include "node/store_sync.h"
#include "printer/printer_port.h"
#include "store/store_db.h"

namespace kiosk::app {
namespace {

// Waits (a bounded while) until the workers have answered everything asked so far.
void settle(customer::CustomerApp& app, EpochMs at) {
  if (!app.settle(at)) std::fprintf(stderr, "kiosk: the store did not answer within 2 s; drawing what there is\n");
}

}  // namespace

int run_customer_role(CommandLine& cl) {
  const std::string data_dir = cl.required("data");
  const std::string lang = cl.optional("lang").value_or("zh");
  if (lang != "zh" && lang != "en") throw UsageError("--lang must be zh or en");
  ui::WindowConfig window_config;
  if (std::optional<std::string> size = cl.optional("windowed")) {
    window_config.windowed = ui::parse_window_size(*size);
    if (!window_config.windowed) throw UsageError("--windowed must be WIDTHxHEIGHT, e.g. 1280x800");
  }
  const std::string printer = cl.optional("printer").value_or("none");
  std::optional<int> idle_quiet_s;
  if (cl.optional("idle-quiet-seconds")) idle_quiet_s = cl.required_int("idle-quiet-seconds", 5, 3600);
  std::optional<ListenAddress> listen;
  if (std::optional<std::string> address = cl.optional("listen")) {
    Result<ListenAddress> parsed = parse_listen_address(*address);
    if (!parsed) throw UsageError(parsed.error().message);
    listen = parsed.value();
  }
  const std::optional<std::string> screen = cl.optional("screen"), screenshot = cl.optional("screenshot");
  LoopOptions loop;
  loop.frame_stats = cl.flag("frame-stats");
  std::optional<WidgetMapWriter> widget_map;
  if (std::optional<std::string> path = cl.optional("widget-map")) widget_map.emplace(*path);
  if (widget_map) loop.widget_map = &*widget_map;
  if (screen.has_value() != screenshot.has_value()) throw UsageError("--screen and --screenshot go together");
  cl.finish();

  Result<Translations> texts = load_translations();
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
  config.language = lang == "en" ? Language::En : Language::Zh;
  if (printer != "none") config.printer = printer::printer_target_for_path(printer);
  if (idle_quiet_s) config.timings.idle_quiet = EpochMs(*idle_quiet_s) * 1000;
  store.value().reset();

  StopSignals stop_signals;  // before any other thread starts
  SystemClock clock;
  std::unique_ptr<node::StoreNodeServer> store_node;
  if (listen && !screen) {
    node::StoreNodeConfig node_config;
    node_config.data_dir = data_dir;
    node_config.listen = *listen;
    store_node = std::make_unique<node::StoreNodeServer>(node_config, clock);
    Result<int> port = store_node->start();
    if (!port) {
      std::fprintf(stderr, "kiosk: %s\n", port.error().message.c_str());
      return kExitFailure;
    }
    std::printf("{\"listening\": \"%s:%d\"}\n", listen->host.c_str(), port.value());
    std::fflush(stdout);
  }
  std::unique_ptr<node::StoreSync> store_sync;  // the process owning the store syncs it with HQ
  std::unique_ptr<node::StorePurge> store_purge;  // and purges requests' personal data hourly
  if (store_node) {
    store_sync = std::make_unique<node::StoreSync>(data_dir, clock);
    store_sync->start();
    store_purge = std::make_unique<node::StorePurge>(data_dir, clock);
    store_purge->start();
  }
  window_config.title = "Service kiosk " + config.store_id;
  ui::Window window(window_config);
  customer::CustomerApp app(config, std::move(texts).value(), wall_now_ms(), [] { ui::Window::wake(); });
  settle(app, wall_now_ms());  // the first frame shows the queue, not an empty list
  seed_fonts(window.fonts(), app);
  if (screen) {
    Result<EpochMs> at = customer::script_screen(app, *screen, data_dir, wall_now_ms());
    if (!at) {
      std::fprintf(stderr, "kiosk: %s\n", at.error().message.c_str());
      return at.error().kind == ErrorKind::InvalidArgument ? kExitUsage : kExitFailure;
    }
    settle(app, at.value());
    return capture_screenshot(window, app, at.value(), *screen, *screenshot);
  }
  run_frame_loop(window, app, stop_signals, loop);
  return 0;
}

}  // namespace kiosk::app
