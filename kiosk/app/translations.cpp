// Loading and looking up screen texts.
#include "app/translations.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"

namespace kiosk::app {

Result<Translations> Translations::load(const std::string& path) {
  Translations translations;
  if (Result<bool> added = translations.add_file(path); !added) return added.error();
  return translations;
}

Result<Translations> Translations::load_directory(const std::string& directory) {
  std::vector<std::string> paths;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error))
    if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
  if (error) return invalid_argument("cannot read the translations directory " + directory + ": " + error.message());
  if (paths.empty()) return invalid_argument("no translations (*.json) in " + directory);
  std::sort(paths.begin(), paths.end());
  Translations translations;
  for (const std::string& path : paths)
    if (Result<bool> added = translations.add_file(path); !added) return added.error();
  return translations;
}

Result<bool> Translations::add_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return invalid_argument("cannot read translations file " + path);
  std::ostringstream bytes;
  bytes << file.rdbuf();
  const nlohmann::json doc = nlohmann::json::parse(bytes.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return invalid_argument(path + ": not a JSON object");
  for (const auto& [key, value] : doc.items()) {
    if (key.rfind("_", 0) == 0) continue;  // comments
    if (!value.is_array() || value.size() != 2 || !value[0].is_string() || !value[1].is_string())
      return invalid_argument(path + ": \"" + key + "\" must be [\"中文\", \"English\"]");
    const std::string zh = value[0], en = value[1];
    for (const std::string* text : {&zh, &en})
      if (!utf8_length(*text) || text->empty())
        return invalid_argument(path + ": \"" + key + "\" has an empty or invalid text");
    if (!texts_.emplace(key, std::make_pair(zh, en)).second)
      return invalid_argument(path + ": \"" + key + "\" is already defined in another translations file");
  }
  return true;
}

const std::string& Translations::text(std::string_view key, Language language) const {
  const auto found = texts_.find(key);
  if (found == texts_.end()) {
    missing_.insert(std::string(key));
    const auto slot = placeholders_.emplace(std::string(key), "⟦" + std::string(key) + "⟧");
    return slot.first->second;
  }
  return language == Language::Zh ? found->second.first : found->second.second;
}

std::string Translations::format(std::string_view key, Language language,
                                 std::initializer_list<std::string> values) const {
  return fill_placeholders(text(key, language), values);
}

std::vector<std::string> Translations::all_texts() const {
  std::vector<std::string> all;
  for (const auto& [key, pair] : texts_) {
    all.push_back(pair.first);
    all.push_back(pair.second);
  }
  return all;
}

std::string fill_placeholders(std::string_view pattern, std::initializer_list<std::string> values) {
  std::string out;
  auto next = values.begin();
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && next != values.end()) {
      out += *next++;
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

}  // namespace kiosk::app
