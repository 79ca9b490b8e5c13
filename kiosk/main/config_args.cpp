// kiosk.toml's values as default command-line options, and its store settings applied to the store.
#include "main/config_args.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/clock.h"
#include "core/command_line.h"
#include "store/store_db.h"
#include "sync/sync_store.h"

namespace kiosk::app {
namespace {

// The value of `--name VALUE` in args (removing both when `take`), or nothing.
std::optional<std::string> find_option(std::vector<std::string>& args, const std::string& name, bool take) {
  const auto it = std::find(args.begin(), args.end(), "--" + name);
  if (it == args.end()) return std::nullopt;
  if (it + 1 == args.end()) throw UsageError("--" + name + " needs a value");
  std::string value = *(it + 1);
  if (take) args.erase(it, it + 2);
  return value;
}

void add_default(std::vector<std::string>& args, const std::string& name, const std::string& value) {
  if (std::find(args.begin(), args.end(), "--" + name) != args.end()) return;
  args.push_back("--" + name);
  args.push_back(value);
}

void apply_store_settings(const KioskConfig& config, const std::string& path, const std::string& data_dir) {
  if (config.store_id.empty() && config.hq_url.empty()) return;
  Result<std::unique_ptr<StoreDb>> store = StoreDb::open(data_dir);
  if (!store) return;  // the role reports it in its own words
  if (!config.store_id.empty() && store.value()->store_id() != config.store_id)
    throw UsageError(path + ": store_id: is " + config.store_id + " but the database in " + data_dir +
                     " belongs to store " + store.value()->store_id());
  if (config.hq_url.empty()) return;
  SystemClock clock;
  SyncStore sync(*store.value(), clock);
  Result<SyncConfig> current = sync.config();
  if (!current || current.value().hq_url == config.hq_url) return;
  if (current.value().device_token.empty()) {
    std::fprintf(stderr, "kiosk: warning: %s: hq_url: no device token yet (kioskctl hq set --url %s --token TOKEN)\n",
                 path.c_str(), config.hq_url.c_str());
    return;
  }
  Result<Done> configured = sync.configure(config.hq_url, current.value().device_token);
  if (!configured) throw UsageError(path + ": hq_url: " + configured.error().message);
}

}  // namespace

std::vector<std::string> apply_config_file(std::vector<std::string> args) {
  const std::string path = find_option(args, "config", true).value_or(kDefaultConfigPath);
  Result<LoadedConfig> loaded = load_kiosk_config(path);
  if (!loaded) throw UsageError(loaded.error().message);
  for (const std::string& warning : loaded.value().warnings)
    std::fprintf(stderr, "kiosk: warning: %s\n", warning.c_str());
  const KioskConfig& config = loaded.value().config;

  const std::string role = find_option(args, "role", false).value_or(config.role);
  add_default(args, "role", role);
  const bool owns_store = role == "customer" || role == "node";
  const bool windowed_role = role != "node";
  // The node's roles keep the store there; a counter or display keeps its enrolment with the node.
  if (owns_store || role == "counter" || role == "display") add_default(args, "data", config.data_dir);
  if (owns_store && !config.listen.empty()) add_default(args, "listen", config.listen);
  if (windowed_role) {
    add_default(args, "lang", config.language);
    if (config.screen_width > 0)
      add_default(args, "windowed", std::to_string(config.screen_width) + "x" + std::to_string(config.screen_height));
  }
  if (role == "customer" || role == "counter") add_default(args, "printer", config.printer);
  if (role == "customer") {
    add_default(args, "idle-quiet-seconds", std::to_string(config.idle_seconds));
  }
  if (owns_store) apply_store_settings(config, path, *find_option(args, "data", false));
  return args;
}

}  // namespace kiosk::app
