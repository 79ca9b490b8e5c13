// Help article search (kb_search.h). Each article's title, answer and steps
// are kept folded (ASCII lower case, full-width letters and digits as ASCII)
// and read as pinyin syllables once, when the index is built; a query is split
// into terms and every article is checked in memory, each term by the way its
// kind matches: Han as a substring, letters as an English word prefix or as
// pinyin over consecutive syllables.
#include "kb/kb_search.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <tuple>

#include "core/text.h"
#include "kb/pinyin_reading.h"

namespace kiosk {

namespace {

// One place of an article in both languages as the search reads it, its
// texts joined.
struct SearchText {
  std::string folded;                     // letters and digits folded (folded_latin), texts joined by '\n': for Han
  std::string words;                      // its words of letters and digits, each after a space (" tv remote")
  std::string initials;                   // the first letter of each syllable, '\n' between texts
  std::vector<PinyinSyllable> syllables;  // the texts' Han characters read, 0 between texts
  bool starts_with_word = false;          // the first character is a letter or digit
  bool reads_from_start = false;          // the first character has a reading: syllable 0 is it

  explicit SearchText(const std::vector<const std::string*>& texts);
  std::size_t bytes() const {
    return folded.capacity() + words.capacity() + initials.capacity() + syllables.capacity() * sizeof(PinyinSyllable);
  }
};

// What the search reads of an article.
struct ArticleText {
  SearchText title_zh, title_en, answer, steps;
  std::size_t bytes() const { return title_zh.bytes() + title_en.bytes() + answer.bytes() + steps.bytes(); }
};

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

bool is_latin(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// `c` as the ASCII letter (lower case) or digit it stands for, else 0: full-width ones count as ASCII.
char folded_latin(char32_t c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c < 0x80) return is_latin(static_cast<char>(c)) ? static_cast<char>(c) : 0;
  if (c >= U'Ａ' && c <= U'Ｚ') return static_cast<char>(c - U'Ａ' + 'a');
  if (c >= U'ａ' && c <= U'ｚ') return static_cast<char>(c - U'ａ' + 'a');
  if (c >= U'０' && c <= U'９') return static_cast<char>(c - U'０' + '0');
  return 0;
}

// `text` with letters and digits folded as folded_latin says, everything else as it was.
void append_folded(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_decode_at(text, i, c);
    const char latin = folded_latin(c);
    if (latin != 0)
      out.push_back(latin);
    else
      out.append(text.substr(i, length));
    i += length;
  }
}

SearchText::SearchText(const std::vector<const std::string*>& texts) {
  std::size_t size = texts.size();
  for (const std::string* text : texts) size += text->size();
  folded.reserve(size);
  words.reserve(size);
  syllables.reserve(size / 3);  // a Han character takes 3 bytes
  for (const std::string* text : texts) {
    if (!folded.empty()) {
      folded.push_back('\n');
      syllables.push_back(0);
    }
    append_folded(*text, folded);
    read_pinyin(*text, syllables);
  }
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (!is_latin(folded[i])) continue;
    if (i == 0 || !is_latin(folded[i - 1])) words.push_back(' ');
    words.push_back(folded[i]);
  }
  for (const PinyinSyllable syllable : syllables)
    initials.push_back(syllable == 0 ? '\n' : pinyin_letters(syllable)[0]);
  starts_with_word = !folded.empty() && is_latin(folded.front());
  if (!texts.empty() && !texts.front()->empty()) {
    char32_t first = 0;
    utf8_decode_at(*texts.front(), 0, first);
    reads_from_start = has_pinyin(first);
  }
  folded.shrink_to_fit();
  words.shrink_to_fit();
  initials.shrink_to_fit();
  syllables.shrink_to_fit();
}

// An article's steps, Chinese then English.
std::vector<const std::string*> steps_of(const KbArticle& a) {
  std::vector<const std::string*> out;
  for (const std::vector<std::string>* steps : {&a.zh.steps, &a.en.steps})
    for (const std::string& step : *steps) out.push_back(&step);
  return out;
}

// How a term was found in one text.
enum class Found { No, Inside, AtStart };

// `needle` as a substring of `text`.
Found find_substring(std::string_view text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  return at == std::string_view::npos ? Found::No : at == 0 ? Found::AtStart : Found::Inside;
}

// `word` ("dra") as the start of a word of `text` (found by its letters, as
// memchr finds a letter faster than the space before it).
Found find_word_prefix(const SearchText& text, std::string_view word) {
  const std::string_view words = text.words;  // each word after a space
  for (std::size_t at = words.find(word); at != std::string_view::npos; at = words.find(word, at + 1))
    if (words[at - 1] == ' ') return at == 1 && text.starts_with_word ? Found::AtStart : Found::Inside;
  return Found::No;
}

// True when `letters` (a-z, at most 63) types a run of consecutive syllables
// of `text`, each whole or as its first letters ("kt", "kongt", "kongtiao":
// kong tiao); `anchored`: only a run from the first syllable.
bool types_syllables(const SearchText& text, std::string_view letters, bool anchored) {
  const std::size_t n = letters.size();
  const std::uint64_t done = std::uint64_t{1} << n;
  std::uint64_t typed = 0;  // bit j: a run so far has typed letters[0, j)
  for (std::size_t i = 0; i < text.syllables.size(); ++i) {
    if (typed == 0) {  // only a new run can go on: skip to where one starts
      i = text.initials.find(letters[0], i);
      if (i == std::string::npos || (anchored && i > 0)) return false;
    }
    const std::uint64_t from = typed | (anchored && i > 0 ? 0 : 1);
    typed = 0;
    const char* const syllable = pinyin_letters(text.syllables[i]);
    for (std::uint64_t rest = from; rest != 0; rest &= rest - 1) {
      const auto j = static_cast<std::size_t>(std::countr_zero(rest));
      for (std::size_t k = 0; syllable[k] != 0 && j + k < n && letters[j + k] == syllable[k]; ++k)
        typed |= std::uint64_t{1} << (j + k + 1);
    }
    if (typed & done) return true;
  }
  return false;
}

Found find_pinyin(const SearchText& text, std::string_view letters, bool want_start) {
  if (letters.empty() || letters.size() > 63) return Found::No;
  if (want_start && text.reads_from_start && types_syllables(text, letters, true)) return Found::AtStart;
  return types_syllables(text, letters, false) ? Found::Inside : Found::No;
}

// A word of the query: letters and digits.
class Word {
 public:
  void push_back(char c) {
    letters_.push_back(c);
    letters_only_ = letters_only_ && c >= 'a';
  }

  // Where `text` has it: as an English word prefix, or when letters only, as pinyin.
  Found found_in(const SearchText& text, bool want_start) const {
    const Found as_word = find_word_prefix(text, letters_);
    if (as_word == Found::AtStart || (as_word == Found::Inside && !want_start)) return as_word;
    return std::max(as_word, pinyin_found_in(text, want_start));
  }
  Found pinyin_found_in(const SearchText& text, bool want_start) const {
    return letters_only_ ? find_pinyin(text, letters_, want_start) : Found::No;
  }

 private:
  std::string letters_;
  bool letters_only_ = true;
};

// A query term: a run of Han characters, or words of letters and digits
// separated only by spaces and apostrophes ("kong tiao", "kong'tiao" as the
// keyboard composes, or "will not drain").
struct Term {
  std::string han;          // the Han run, or empty
  std::vector<Word> words;  // else the words
  Word joined;              // the words without separators
};

bool joins_words(char32_t c) { return c == ' ' || c == U'\u3000' || c == '\'' || c == U'’' || c == U'＇'; }

std::vector<Term> terms_of(std::string_view query) {
  std::vector<Term> terms;
  bool in_term = false, new_word = false;
  for (std::size_t i = 0; i < query.size();) {
    char32_t c = 0;
    const std::size_t length = utf8_decode_at(query, i, c);
    const char latin = folded_latin(c);
    const bool in_han = in_term && !terms.back().han.empty();
    if (is_han(c)) {
      if (!in_han) terms.emplace_back();
      terms.back().han.append(query.substr(i, length));
      in_term = true;
    } else if (latin != 0) {
      if (!in_term || in_han) terms.emplace_back();
      Term& term = terms.back();
      if (term.words.empty() || new_word) term.words.emplace_back();
      term.words.back().push_back(latin);
      term.joined.push_back(latin);
      in_term = true;
      new_word = false;
    } else {
      new_word = true;
      in_term = in_term && !in_han && joins_words(c);
    }
    i += length;
  }
  return terms;
}

// The best place of an article where `found(text, want_start)` finds a term.
template <class Find>
std::optional<KbMatchPlace> best_place(const ArticleText& a, Find&& found) {
  const Found zh = found(a.title_zh, true);
  if (zh == Found::AtStart) return KbMatchPlace::TitleStart;
  const Found en = found(a.title_en, true);
  if (en == Found::AtStart) return KbMatchPlace::TitleStart;
  if (zh != Found::No || en != Found::No) return KbMatchPlace::Title;
  if (found(a.answer, false) != Found::No) return KbMatchPlace::Answer;
  if (found(a.steps, false) != Found::No) return KbMatchPlace::Steps;
  return std::nullopt;
}

std::optional<KbMatchPlace> word_place(const ArticleText& a, const Word& word) {
  return best_place(a, [&](const SearchText& text, bool want_start) { return word.found_in(text, want_start); });
}

// Where `term` is best found in `a`, if it is.
std::optional<KbMatchPlace> term_place(const ArticleText& a, const Term& term) {
  if (!term.han.empty())
    return best_place(a, [&](const SearchText& text, bool) { return find_substring(text.folded, term.han); });
  if (term.words.size() == 1) return word_place(a, term.joined);
  // Several words: typed as one run of pinyin, else each word somewhere (the first's place counts).
  const std::optional<KbMatchPlace> joined = best_place(
      a, [&](const SearchText& text, bool want_start) { return term.joined.pinyin_found_in(text, want_start); });
  if (joined == KbMatchPlace::TitleStart) return joined;
  const std::optional<KbMatchPlace> first = word_place(a, term.words.front());
  const bool each = first && std::all_of(term.words.begin() + 1, term.words.end(),
                                         [&](const Word& w) { return word_place(a, w).has_value(); });
  if (!each) return joined;
  return joined ? std::min(*joined, *first) : first;
}

}  // namespace

struct KbIndex::Entry {
  std::size_t article;
  int sort;
  ArticleText text;
};

KbIndex::KbIndex(const std::vector<KbArticle>& articles) {
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const KbArticle& a = articles[i];
    if (!a.active) continue;
    entries_.push_back({.article = i,
                        .sort = a.sort,
                        .text = {.title_zh = SearchText({&a.zh.title}),
                                 .title_en = SearchText({&a.en.title}),
                                 .answer = SearchText({&a.zh.answer, &a.en.answer}),
                                 .steps = SearchText(steps_of(a))}});
  }
  entries_.shrink_to_fit();
}

KbIndex::~KbIndex() = default;

std::size_t KbIndex::size() const { return entries_.size(); }

std::size_t KbIndex::memory_bytes() const {
  std::size_t bytes = entries_.capacity() * sizeof(Entry);
  for (const Entry& e : entries_) bytes += e.text.bytes();
  return bytes;
}

std::vector<KbHit> KbIndex::search(std::string_view query, std::size_t limit) const {
  const std::vector<Term> terms = terms_of(query);
  if (terms.empty() || limit == 0) return {};
  struct Match {
    KbMatchPlace place;
    const Entry* entry;
  };
  std::vector<Match> found;
  found.reserve(entries_.size());
  for (const Entry& e : entries_) {
    const std::optional<KbMatchPlace> place = term_place(e.text, terms.front());
    const auto found_too = [&](const Term& t) { return term_place(e.text, t).has_value(); };
    if (place && std::all_of(terms.begin() + 1, terms.end(), found_too)) found.push_back({*place, &e});
  }
  const auto better = [](const Match& a, const Match& b) {
    const std::string& a_title = a.entry->text.title_zh.folded;
    const std::string& b_title = b.entry->text.title_zh.folded;
    return std::tie(a.place, a.entry->sort, a_title, a.entry->article) <
           std::tie(b.place, b.entry->sort, b_title, b.entry->article);
  };
  const std::size_t count = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(count), found.end(), better);
  std::vector<KbHit> hits;
  hits.reserve(count);
  for (std::size_t i = 0; i < count; ++i) hits.push_back({found[i].entry->article, found[i].place});
  return hits;
}

std::vector<std::string> pinyin_syllables(std::string_view text) {
  std::vector<PinyinSyllable> read;
  read_pinyin(text, read);
  std::vector<std::string> out;
  for (PinyinSyllable s : read) out.emplace_back(pinyin_letters(s));
  return out;
}

}  // namespace kiosk
