// The text form of Counts (counts.h).
#include "core/counts.h"

#include <charconv>

namespace kiosk {
namespace {

template <class Key>
std::string encode(const Counts<Key>& counts) {
  std::string text;
  for (const auto& [key, count] : counts) {
    if (count == 0) continue;
    if (!text.empty()) text += ',';
    if constexpr (std::is_same_v<Key, int>)
      text += std::to_string(key);
    else
      text += key;
    text += ':';
    text += std::to_string(count);
  }
  return text;
}

bool read_int64(std::string_view text, std::int64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

template <class Key>
std::optional<Counts<Key>> decode(std::string_view text) {
  Counts<Key> counts;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const std::size_t colon = item.rfind(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    std::int64_t count = 0;
    if (!read_int64(item.substr(colon + 1), count)) return std::nullopt;
    if constexpr (std::is_same_v<Key, int>) {
      std::int64_t key = 0;
      if (!read_int64(item.substr(0, colon), key)) return std::nullopt;
      counts[int(key)] += count;
    } else {
      counts[std::string(item.substr(0, colon))] += count;
    }
  }
  return counts;
}

}  // namespace

std::string encode_counts(const Counts<int>& counts) { return encode(counts); }
std::string encode_counts(const Counts<std::string>& counts) { return encode(counts); }
std::optional<Counts<int>> decode_int_counts(std::string_view text) { return decode<int>(text); }
std::optional<Counts<std::string>> decode_word_counts(std::string_view text) { return decode<std::string>(text); }

}  // namespace kiosk
