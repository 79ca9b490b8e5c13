// The TOML loader of KioskConfig: one checker per key, each naming the key in its message.
#include "config/kiosk_config.h"

#include <sys/stat.h>
#include <toml++/toml.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "codec/api_json.h"

namespace kiosk {
namespace {

// Reads one key's value into the config, or says what is wrong with it (without the key's name).
using KeyReader = std::function<std::optional<std::string>(const toml::node&, KioskConfig&)>;

std::optional<std::string> type_error(const toml::node& value, const char* wanted) {
  std::ostringstream type;
  type << value.type();
  const std::string got = type.str();
  return std::string("must be ") + wanted + ", got " + (std::strchr("aeiou", got[0]) ? "an " : "a ") + got;
}

KeyReader one_of(std::string KioskConfig::*field, std::vector<std::string> allowed) {
  return [field, allowed](const toml::node& value, KioskConfig& config) -> std::optional<std::string> {
    const std::optional<std::string> text = value.value_exact<std::string>();
    if (!text) return type_error(value, "a string");
    for (const std::string& a : allowed)
      if (*text == a) {
        config.*field = *text;
        return std::nullopt;
      }
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : " | ") + a;
    return "must be " + list + ", got \"" + *text + "\"";
  };
}

// A string `check` accepts (it returns the complaint, or nothing).
KeyReader text(std::string KioskConfig::*field, std::function<std::optional<std::string>(const std::string&)> check) {
  return [field, check](const toml::node& value, KioskConfig& config) -> std::optional<std::string> {
    const std::optional<std::string> text = value.value_exact<std::string>();
    if (!text) return type_error(value, "a string");
    if (std::optional<std::string> complaint = check(*text)) return complaint;
    config.*field = *text;
    return std::nullopt;
  };
}

// Empty: any store (the default).
std::optional<std::string> check_store_id(const std::string& id) {
  if (id.size() > 32) return "must be at most 32 characters, got \"" + id + "\"";
  for (char c : id)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
      return "may hold letters, digits, '-' and '_' only, got \"" + id + "\"";
  return std::nullopt;
}

// Empty: as `kioskctl hq set` stored it (the default).
std::optional<std::string> check_hq_url(const std::string& url) {
  if (url.empty()) return std::nullopt;
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return "must start with http:// or https://, got \"" + url + "\"";
  if (url.size() > 512) return "must be at most 512 bytes";
  return std::nullopt;
}

std::optional<std::string> check_absolute_path(const std::string& path) {
  if (path.empty() || path[0] != '/') return "must be an absolute path, got \"" + path + "\"";
  return std::nullopt;
}

std::optional<std::string> check_printer(const std::string& printer) {
  if (printer == "none") return std::nullopt;
  if (check_absolute_path(printer)) return "must be none or an absolute path, got \"" + printer + "\"";
  return std::nullopt;
}

// Empty: no LAN API (the default).
std::optional<std::string> check_listen(const std::string& listen) {
  if (listen.empty()) return std::nullopt;
  Result<ListenAddress> address = parse_listen_address(listen);
  if (!address) return "must be ADDR:PORT (e.g. 0.0.0.0:8700), got \"" + listen + "\"";
  return std::nullopt;
}

KeyReader idle_seconds() {
  return [](const toml::node& value, KioskConfig& config) -> std::optional<std::string> {
    const std::optional<std::int64_t> n = value.value_exact<std::int64_t>();
    if (!n) return type_error(value, "an integer");
    if (*n < 10 || *n > 3600) return "must be 10-3600, got " + std::to_string(*n);
    config.idle_seconds = int(*n);
    return std::nullopt;
  };
}

// "fullscreen" or "WIDTHxHEIGHT", each side 320-7680.
KeyReader screen() {
  return [](const toml::node& value, KioskConfig& config) -> std::optional<std::string> {
    const std::optional<std::string> text = value.value_exact<std::string>();
    if (!text) return type_error(value, "a string");
    if (*text == "fullscreen") {
      config.screen_width = config.screen_height = 0;
      return std::nullopt;
    }
    int width = 0, height = 0;
    char tail = 0;
    if (std::sscanf(text->c_str(), "%dx%d%c", &width, &height, &tail) != 2 || width < 320 || width > 7680 ||
        height < 320 || height > 7680)
      return "must be fullscreen or WIDTHxHEIGHT with each side 320-7680, got \"" + *text + "\"";
    config.screen_width = width;
    config.screen_height = height;
    return std::nullopt;
  };
}

const std::map<std::string, KeyReader>& key_readers() {
  static const std::map<std::string, KeyReader> readers = {
      {"role", one_of(&KioskConfig::role, {"customer", "node", "counter", "display", "technician"})},
      {"store_id", text(&KioskConfig::store_id, check_store_id)},
      {"hq_url", text(&KioskConfig::hq_url, check_hq_url)},
      {"data_dir", text(&KioskConfig::data_dir, check_absolute_path)},
      {"printer", text(&KioskConfig::printer, check_printer)},
      {"language", one_of(&KioskConfig::language, {"zh", "en"})},
      {"idle_seconds", idle_seconds()},
      {"screen", screen()},
      {"listen", text(&KioskConfig::listen, check_listen)},
  };
  return readers;
}

}  // namespace

Result<LoadedConfig> parse_kiosk_config(const std::string& toml_text, const std::string& file_name) {
  toml::table table;
  try {
    table = toml::parse(toml_text, file_name);
  } catch (const toml::parse_error& e) {
    return invalid_argument(file_name + ":" + std::to_string(e.source().begin.line) + ": " +
                            std::string(e.description()));
  }
  LoadedConfig loaded;
  for (const auto& [key, value] : table) {
    const std::string name(key.str());
    const auto reader = key_readers().find(name);
    if (reader == key_readers().end()) {
      loaded.warnings.push_back(file_name + ": " + name + ": unknown key (ignored)");
      continue;
    }
    if (std::optional<std::string> complaint = reader->second(value, loaded.config))
      return invalid_argument(file_name + ": " + name + ": " + *complaint);
  }
  return loaded;
}

Result<LoadedConfig> load_kiosk_config(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0 && errno == ENOENT) return LoadedConfig{};
  std::ifstream in(path, std::ios::binary);
  if (!in || !S_ISREG(info.st_mode)) return invalid_argument(path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_kiosk_config(text.str(), path);
}

}  // namespace kiosk
