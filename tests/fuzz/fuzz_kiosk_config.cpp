// Fuzzes kiosk.toml's reader (config/kiosk_config.h): any text gives the
// config or an error naming the key, never a crash; a config it accepts keeps
// idle_seconds in its documented range.
#include "config/kiosk_config.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kiosk::Result<kiosk::LoadedConfig> loaded =
      kiosk::parse_kiosk_config(kiosk::fuzz::input_text(data, size), "kiosk.toml");
  if (loaded.ok()) {
    const int idle = loaded.value().config.idle_seconds;
    kiosk::fuzz::require(idle >= 10 && idle <= 3600, "idle_seconds out of 10-3600 accepted");
  }
  return 0;
}
