// kiosk.toml: the defaults, every key read, every key's bad values named in the
// error, unknown keys reported as warnings, a missing file giving the defaults.
#include <doctest/doctest.h>

#include <fstream>

#include "config/kiosk_config.h"
#include "support/temp_dir.h"

namespace kiosk {
namespace {

std::string error_of(const std::string& toml) {
  Result<LoadedConfig> loaded = parse_kiosk_config(toml, "kiosk.toml");
  REQUIRE_MESSAGE(!loaded, "accepted: " << toml);
  return loaded.error().message;
}

KioskConfig parsed(const std::string& toml) {
  Result<LoadedConfig> loaded = parse_kiosk_config(toml, "kiosk.toml");
  REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
  CHECK(loaded.value().warnings.empty());
  return loaded.value().config;
}

TEST_CASE("an empty file gives the in-class defaults") {
  const KioskConfig config = parsed("");
  CHECK(config.role == "customer");
  CHECK(config.store_id.empty());
  CHECK(config.hq_url.empty());
  CHECK(config.data_dir == "/var/lib/kiosk");
  CHECK(config.printer == "none");
  CHECK(config.language == "zh");
  CHECK(config.idle_seconds == 40);
  CHECK(config.screen_width == 0);
  CHECK(config.listen.empty());
}

TEST_CASE("every key is read") {
  const KioskConfig config = parsed(R"(
    role = "node"
    store_id = "SH-001"
    hq_url = "https://hq.example.com"
    data_dir = "/srv/kiosk"
    printer = "/dev/usb/lp0"
    language = "en"
    idle_seconds = 90
    screen = "1280x800"
    listen = "0.0.0.0:8700"
  )");
  CHECK(config.role == "node");
  CHECK(config.store_id == "SH-001");
  CHECK(config.hq_url == "https://hq.example.com");
  CHECK(config.data_dir == "/srv/kiosk");
  CHECK(config.printer == "/dev/usb/lp0");
  CHECK(config.language == "en");
  CHECK(config.idle_seconds == 90);
  CHECK(config.screen_width == 1280);
  CHECK(config.screen_height == 800);
  CHECK(config.listen == "0.0.0.0:8700");
  CHECK(parsed("screen = \"fullscreen\"").screen_width == 0);
  CHECK(parsed("idle_seconds = 10").idle_seconds == 10);
  CHECK(parsed("idle_seconds = 3600").idle_seconds == 3600);
}

TEST_CASE("every key with a bad value gives a message naming the file and the key") {
  CHECK(error_of("idle_seconds = 5") == "kiosk.toml: idle_seconds: must be 10-3600, got 5");
  CHECK(error_of("idle_seconds = 3601") == "kiosk.toml: idle_seconds: must be 10-3600, got 3601");
  CHECK(error_of("idle_seconds = \"40\"") == "kiosk.toml: idle_seconds: must be an integer, got a string");
  CHECK(error_of("role = \"admin\"") ==
        "kiosk.toml: role: must be customer | node | counter | display | technician, got \"admin\"");
  CHECK(error_of("role = 1") == "kiosk.toml: role: must be a string, got an integer");
  CHECK(error_of("store_id = \"" + std::string(33, 'S') + "\"") ==
        "kiosk.toml: store_id: must be at most 32 characters, got \"" + std::string(33, 'S') + "\"");
  CHECK(error_of("store_id = \"SH 001\"") ==
        "kiosk.toml: store_id: may hold letters, digits, '-' and '_' only, got \"SH 001\"");
  CHECK(error_of("hq_url = \"ftp://hq\"") ==
        "kiosk.toml: hq_url: must start with http:// or https://, got \"ftp://hq\"");
  CHECK(error_of("data_dir = \"var/lib\"") == "kiosk.toml: data_dir: must be an absolute path, got \"var/lib\"");
  CHECK(error_of("printer = \"lp0\"") == "kiosk.toml: printer: must be none or an absolute path, got \"lp0\"");
  CHECK(error_of("language = \"fr\"") == "kiosk.toml: language: must be zh | en, got \"fr\"");
  CHECK(error_of("screen = \"100x100\"") ==
        "kiosk.toml: screen: must be fullscreen or WIDTHxHEIGHT with each side 320-7680, got \"100x100\"");
  CHECK(error_of("screen = \"1280x800px\"").find("kiosk.toml: screen: ") == 0);
  CHECK(error_of("listen = \"localhost\"") ==
        "kiosk.toml: listen: must be ADDR:PORT (e.g. 0.0.0.0:8700), got \"localhost\"");
  CHECK(error_of("listen = \"0.0.0.0:70000\"").find("kiosk.toml: listen: ") == 0);
}

TEST_CASE("the example file deploy/kiosk.toml (the package's conffile) gives the defaults, without warnings") {
  Result<LoadedConfig> example = load_kiosk_config(KIOSK_SOURCE_DIR "/deploy/kiosk.toml");
  REQUIRE_MESSAGE(example, (example ? "" : example.error().message));
  CHECK(example.value().warnings.empty());
  CHECK(parsed("store_id = \"\"\nhq_url = \"\"\nlisten = \"\"").store_id.empty());
  const KioskConfig defaults;
  CHECK(example.value().config.role == defaults.role);
  CHECK(example.value().config.data_dir == defaults.data_dir);
  CHECK(example.value().config.idle_seconds == defaults.idle_seconds);
  CHECK(example.value().config.screen_width == defaults.screen_width);
  CHECK(example.value().config.listen == defaults.listen);
}

TEST_CASE("a TOML syntax error names the file and the line") {
  CHECK(error_of("role = \"customer\"\nidle_seconds = ").find("kiosk.toml:2: ") == 0);
}

TEST_CASE("unknown keys are warnings naming the key; the known ones still apply") {
  Result<LoadedConfig> loaded =
      parse_kiosk_config("idle_secnds = 5\nlanguage = \"en\"\n[extra]\na = 1\n", "kiosk.toml");
  REQUIRE(loaded);
  CHECK(loaded.value().config.language == "en");
  CHECK(loaded.value().config.idle_seconds == 40);
  REQUIRE(loaded.value().warnings.size() == 2);
  CHECK(loaded.value().warnings[0] == "kiosk.toml: extra: unknown key (ignored)");
  CHECK(loaded.value().warnings[1] == "kiosk.toml: idle_secnds: unknown key (ignored)");
}

TEST_CASE("a missing file means the defaults; a file's bad value names its path") {
  test::TempDir dir;
  Result<LoadedConfig> missing = load_kiosk_config(dir.file("kiosk.toml"));
  REQUIRE(missing);
  CHECK(missing.value().config.idle_seconds == 40);
  CHECK(missing.value().warnings.empty());

  std::ofstream(dir.file("kiosk.toml")) << "idle_seconds = 5\n";
  Result<LoadedConfig> bad = load_kiosk_config(dir.file("kiosk.toml"));
  REQUIRE(!bad);
  CHECK(bad.error().message == dir.file("kiosk.toml") + ": idle_seconds: must be 10-3600, got 5");

  Result<LoadedConfig> directory = load_kiosk_config(dir.path());
  REQUIRE(!directory);
  CHECK(directory.error().message == dir.path() + ": cannot be read");
}

}  // namespace
}  // namespace kiosk
