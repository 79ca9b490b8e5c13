// Reading Chinese as pinyin by longest match over the generated table
// (pinyin_reading.h).
#include "kb/pinyin_reading.h"

#include <algorithm>

#include "core/text.h"
#include "kb/pinyin_table.h"

namespace kiosk {
namespace {

using pinyin_table::kFirstHan;
using pinyin_table::kLastHan;
using pinyin_table::kMaxPhrase;
using pinyin_table::Phrase;

bool in_table(char32_t c) { return c >= kFirstHan && c <= kLastHan; }

// The longest phrase of the table `text` starts with, or null.
const Phrase* phrase_at(std::u32string_view text) {
  const Phrase* const end = pinyin_table::kPhrases + pinyin_table::kPhraseCount;
  const auto first = static_cast<std::uint16_t>(text[0]);
  const Phrase* from = std::lower_bound(pinyin_table::kPhrases, end, first,
                                        [](const Phrase& p, std::uint16_t c) { return p.chars[0] < c; });
  const Phrase* longest = nullptr;
  std::size_t longest_length = 0;
  for (const Phrase* p = from; p != end && p->chars[0] == first; ++p) {
    std::size_t length = 1;
    while (length < kMaxPhrase && p->chars[length] != 0 && length < text.size() && p->chars[length] == text[length])
      ++length;
    const bool whole = length == kMaxPhrase || p->chars[length] == 0;
    if (whole && length > longest_length) {
      longest = p;
      longest_length = length;
    }
  }
  return longest;
}

}  // namespace

void read_pinyin(std::string_view text, std::vector<PinyinSyllable>& out) {
  char32_t ahead[kMaxPhrase];  // the next characters, each decoded once
  std::size_t count = 0, next_byte = 0;
  const auto fill = [&] {
    while (count < kMaxPhrase && next_byte < text.size()) next_byte += utf8_decode_at(text, next_byte, ahead[count++]);
  };
  const auto drop = [&](std::size_t n) {
    std::copy(ahead + n, ahead + count, ahead);
    count -= n;
  };
  for (fill(); count > 0; fill()) {
    if (!in_table(ahead[0])) {
      drop(1);
    } else if (const Phrase* phrase = phrase_at(std::u32string_view(ahead, count))) {
      std::size_t k = 0;
      for (; k < kMaxPhrase && phrase->chars[k] != 0; ++k) out.push_back(phrase->syllables[k]);
      drop(k);
    } else {
      const PinyinSyllable syllable = pinyin_table::kCharSyllable[ahead[0] - kFirstHan];
      if (syllable != 0) out.push_back(syllable);
      drop(1);
    }
  }
}

bool has_pinyin(char32_t c) { return in_table(c) && pinyin_table::kCharSyllable[c - kFirstHan] != 0; }

const char* pinyin_letters(PinyinSyllable syllable) {
  return syllable < pinyin_table::kSyllableCount ? pinyin_table::kSyllables[syllable] : "";
}

}  // namespace kiosk
