// Counts by key (a histogram's bins, reasons, hours of the week) that add and
// subtract, and their compact text form "key:count,key:count" for storage.
// Keys are integers or words without ':' and ','; zero counts are dropped.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

template <class Key>
using Counts = std::map<Key, std::int64_t>;

template <class Key>
void add_counts(Counts<Key>& into, const Counts<Key>& other, std::int64_t sign = 1) {
  for (const auto& [key, count] : other) {
    auto& slot = into[key];
    slot += sign * count;
    if (slot == 0) into.erase(key);
  }
}

std::string encode_counts(const Counts<int>& counts);
std::string encode_counts(const Counts<std::string>& counts);
// Nullopt when `text` is not in the form above.
std::optional<Counts<int>> decode_int_counts(std::string_view text);
std::optional<Counts<std::string>> decode_word_counts(std::string_view text);

}  // namespace kiosk
