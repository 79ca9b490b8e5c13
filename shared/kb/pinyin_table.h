// The pinyin table the help search reads Chinese with (kb_pinyin.h): generated
// at build time from librime's dictionary by make_pinyin_table.py into the
// build tree (nothing of the dictionary is kept in the repository).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::pinyin_table {

constexpr char32_t kFirstHan = 0x4E00, kLastHan = 0x9FFF;
constexpr std::size_t kHanCount = kLastHan - kFirstHan + 1;
constexpr std::size_t kMaxPhrase = 4;

// Syllables by id ("kong"); id 0 is no reading.
extern const std::size_t kSyllableCount;
extern const char* const kSyllables[];

// Each character's most common reading, by code point - kFirstHan.
extern const std::uint16_t kCharSyllable[kHanCount];

// Phrases that read otherwise than their characters (银行: yin hang), sorted
// by `chars`; a shorter phrase ends in zeros.
struct Phrase {
  std::uint16_t chars[kMaxPhrase];
  std::uint16_t syllables[kMaxPhrase];
};
extern const std::size_t kPhraseCount;
extern const Phrase kPhrases[];

}  // namespace kiosk::pinyin_table
