// Chinese text read as pinyin syllables for the help search (kb_search.h):
// librime's dictionary as a table generated at build time (pinyin_table.h),
// phrases first by longest match (银行: yin hang, 重启: chong qi), then each
// character by its most common reading.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk {

// A syllable of the table; 0 is none (the search puts it between texts).
using PinyinSyllable = std::uint16_t;

// Appends the syllables of `text`'s characters that have a reading (CJK
// U+4E00-U+9FFF); other characters are skipped. A phrase is only read across
// characters that follow each other in `text`.
void read_pinyin(std::string_view text, std::vector<PinyinSyllable>& out);

// True when `c` has a reading of its own (read_pinyin gives it a syllable).
bool has_pinyin(char32_t c);

// The letters of a syllable ("kong"); "" for 0.
const char* pinyin_letters(PinyinSyllable syllable);

}  // namespace kiosk
