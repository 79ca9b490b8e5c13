// kiosk: the touch-screen app. One process per device role:
//   kiosk --role customer --data DIR [--listen ADDR:PORT] [--lang zh|en] [--windowed WxH]
//         [--printer /dev/usb/lp0|FILE|FILE.png|none] [--idle-quiet-seconds N] [--widget-map FILE]
//         [--frame-stats] [--screen NAME --screenshot FILE.png]
//   kiosk --role node --data DIR [--listen 127.0.0.1:8700]        (the LAN API, no window)
//   kiosk --role counter --store https://HOST:PORT --counter N [--data DIR] [--enrol CODE]
//         [--lang zh|en] [--windowed WxH] [--printer PATH|none] ...
//   kiosk --role display --store https://HOST:PORT [--data DIR] [--enrol CODE]
//         [--lang zh|en|both] [--audio-out FILE.wav | --audio aplay|none] ...
//   kiosk --role technician --data DIR [--lang zh|en] [--windowed WxH] ...   (DIR/technician.db)
//   kiosk --list-screens customer|counter|display|technician   (the names --screen takes, one a line)
// Every role also takes --config FILE (default /etc/kiosk/kiosk.toml, docs/config.md):
// the file's values apply where the command line gives none.
// Exit codes: 0 done, 1 failure (no display, no store...), 2 bad usage,
// 4 a screenshot drew a character the fonts lack.
#include <cstdio>
#include <string>
#include <vector>

#include "app/window_runtime.h"
#include "core/command_line.h"
#include "counter/counter_role.h"
#include "counter/scripted_screens.h"
#include "customer/customer_role.h"
#include "customer/scripted_screens.h"
#include "display/display_role.h"
#include "main/config_args.h"
#include "node/node_role.h"
#include "technician/scripted_screens.h"
#include "technician/technician_role.h"

namespace kiosk {
namespace {

constexpr const char* kUsage =
    "usage: kiosk --role customer --data DIR [--listen ADDR:PORT] [--lang zh|en] [--windowed WxH]\n"
    "             [--printer PATH|none] [--screen NAME --screenshot FILE.png]\n"
    "       kiosk --role node --data DIR [--listen ADDR:PORT]\n"
    "       kiosk --role counter --store https://HOST:PORT --counter N [--data DIR] [--enrol CODE]\n"
    "             [--lang zh|en] [--windowed WxH]\n"
    "             [--printer PATH|none] [--screen NAME --screenshot FILE.png]\n"
    "       kiosk --role display --store https://HOST:PORT [--data DIR] [--enrol CODE]\n"
    "             [--lang zh|en|both] [--windowed WxH]\n"
    "             [--audio-out FILE.wav | --audio aplay|none] [--screen NAME --screenshot FILE.png]\n"
    "       kiosk --role technician --data DIR [--lang zh|en] [--windowed WxH]\n"
    "             [--screen NAME --screenshot FILE.png]\n"
    "       kiosk --list-screens customer|counter|display|technician\n"
    "       every role: [--config FILE] (default /etc/kiosk/kiosk.toml; flags override it)\n";

int run_node(CommandLine& cl) {
  node::StoreNodeConfig config;
  config.data_dir = cl.required("data");
  if (std::optional<std::string> listen = cl.optional("listen")) {
    Result<ListenAddress> address = parse_listen_address(*listen);
    if (!address) throw UsageError(address.error().message);
    config.listen = address.value();
  }
  cl.finish();
  return node::serve_until_signalled(config);
}

// The names `--screen` takes for a role, one a line: scripts such as
// deploy/run.sh read them here instead of keeping a copy.
int list_screens(const std::vector<std::string>& args) {
  if (args.size() != 2) throw UsageError("--list-screens takes one role");
  const std::string& role = args[1];
  const std::vector<std::string>* names = role == "customer"     ? &customer::scripted_screen_names()
                                          : role == "counter"    ? &counter::scripted_screen_names()
                                          : role == "display"    ? &display::scripted_screen_names()
                                          : role == "technician" ? &technician::scripted_screen_names()
                                                                 : nullptr;
  if (!names)
    throw UsageError("--list-screens: \"" + role + "\" has no screens (customer, counter, display, technician do)");
  for (const std::string& name : *names) std::printf("%s\n", name.c_str());
  return 0;
}

int run(const std::vector<std::string>& args) {
  CommandLine cl(args, {"frame-stats"});
  const std::string role = cl.optional("role").value_or("customer");
  if (role == "customer") return customer::run_customer_role(cl);
  if (role == "node") return run_node(cl);
  if (role == "counter") return counter::run_counter_role(cl);
  if (role == "display") return display::run_display_role(cl);
  if (role == "technician") return technician::run_technician_role(cl);
  throw UsageError("unknown role \"" + role + "\" (this build has: customer, node, counter, display, technician)");
}

}  // namespace
}  // namespace kiosk

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "--list-screens") return kiosk::list_screens(args);
    return kiosk::run(kiosk::app::apply_config_file(args));
  } catch (const kiosk::UsageError& e) {
    std::fprintf(stderr, "kiosk: %s\n%s", e.what(), kiosk::kUsage);
    return kiosk::app::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiosk: %s\n", e.what());
    return kiosk::app::kExitFailure;
  }
}
