// Enum <-> name lookups over one constexpr table of {value, "name"} pairs per
// enum, so the two directions cannot disagree. Used by the model's to_string
// and *_from functions.
#pragma once

#include <optional>
#include <string>

namespace kiosk::enum_names {

template <class Table, class Enum>
const char* name_in(const Table& table, Enum value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <class Table>
auto value_in(const Table& table, const std::string& text) -> std::optional<decltype(table[0].first)> {
  for (const auto& [v, name] : table)
    if (text == name) return v;
  return std::nullopt;
}

// "a, b, c": the accepted names, for messages.
template <class Table>
std::string names_of(const Table& table) {
  std::string names;
  for (const auto& [v, name] : table) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

}  // namespace kiosk::enum_names
