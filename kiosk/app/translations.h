// The texts of every screen in Chinese and English, read from the JSON files
// of assets/i18n/ ({"key": ["中文", "English"]}; strings.json for the customer
// kiosk and the common texts, one file per other role). A key with no text is
// a programming error: it shows as ⟦key⟧ and is recorded for the tests.
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "app/language.h"
#include "core/result.h"

namespace kiosk::app {

class Translations {
 public:
  // Refuses a file that is not a JSON object of [zh, en] string pairs.
  static Result<Translations> load(const std::string& path);
  // Every *.json file in `directory`; a key defined in two files is refused.
  static Result<Translations> load_directory(const std::string& directory);

  const std::string& text(std::string_view key, Language language) const;
  // text() with each "{}" replaced by the next value.
  std::string format(std::string_view key, Language language, std::initializer_list<std::string> values) const;

  // Every text in both languages: what the font atlas must be able to draw.
  std::vector<std::string> all_texts() const;
  const std::set<std::string>& missing_keys() const { return missing_; }

 private:
  Result<bool> add_file(const std::string& path);

  std::map<std::string, std::pair<std::string, std::string>, std::less<>> texts_;
  mutable std::set<std::string> missing_;
  mutable std::map<std::string, std::string, std::less<>> placeholders_;
};

// Replaces each "{}" in `pattern` with the next value.
std::string fill_placeholders(std::string_view pattern, std::initializer_list<std::string> values);

}  // namespace kiosk::app
