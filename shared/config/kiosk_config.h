// The device's configuration file (/etc/kiosk/kiosk.toml): a plain struct with
// in-class defaults and a range-checking TOML loader. A missing file means the
// defaults; a bad value is an error naming the file and the key; an unknown key
// is a warning (the kiosk keeps running with the keys it knows). Every key is
// documented in docs/config.md. No UI here: the kiosk and its tests link it.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace kiosk {

inline constexpr const char* kDefaultConfigPath = "/etc/kiosk/kiosk.toml";

struct KioskConfig {
  std::string role = "customer";            // customer | node | counter | display | technician
  std::string store_id;                     // empty: any; else the store database must be this store
  std::string hq_url;                       // empty: as `kioskctl hq set` left it
  std::string data_dir = "/var/lib/kiosk";  // the store database's directory
  std::string printer = "none";             // none | an absolute path (/dev/usb/lp0, a file)
  std::string language = "zh";              // zh | en: the language a customer first sees
  int idle_seconds = 40;                    // quiet time before the idle countdown, 10-3600
  int screen_width = 0, screen_height = 0;  // 0x0: fullscreen at the display's own size
  std::string listen;                       // empty: no LAN API; else "ADDR:PORT" (the store node)
};

struct LoadedConfig {
  KioskConfig config;
  std::vector<std::string> warnings;  // unknown keys, each naming the file and the key
};

// Parses TOML text; `file_name` starts every message ("kiosk.toml: idle_seconds: must be 10-3600, got 5").
Result<LoadedConfig> parse_kiosk_config(const std::string& toml_text, const std::string& file_name);

// Reads `path`: a missing file gives the defaults, an unreadable one an error.
Result<LoadedConfig> load_kiosk_config(const std::string& path);

}  // namespace kiosk
