// Help article search (kb_search.h). The index keeps each place of the
// articles (the Chinese titles, the English titles, the answers, the steps) as
// one column: every article's text side by side, folded (ASCII lower case,
// full-width letters and digits as ASCII), its words, and its Han characters
// read as pinyin syllables, all made once when the index is built. A query is
// split into terms; a term is looked for by one pass over each column (a Han
// run as a substring, letters as an English word prefix or as pinyin over
// consecutive syllables), which marks the articles it is found in and where.
#include "kb/kb_search.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <optional>
#include <span>
#include <tuple>

#include "core/text.h"
#include "kb/pinyin_reading.h"

namespace kiosk {

namespace {

constexpr std::size_t kNone = std::string_view::npos;

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
    char32_t c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : utf8_decode_at(text, i, c);
    const char latin = folded_latin(c);
    if (latin != 0)
      out.push_back(latin);
    else
      out.append(text.substr(i, length));
    i += length;
  }
}

// Where `needle` first is in `haystack` from byte `from` on: memchr for its
// last byte (a letter, or the last of a Han character's three: rarer than its
// first, or than a word's space), then the rest compared.
std::size_t find_from(std::string_view haystack, std::string_view needle, std::size_t from) {
  const std::size_t back = needle.size() - 1;
  const char* const end = haystack.data() + haystack.size();
  for (const char* at = haystack.data() + from + back; at < end;) {
    const void* hit = std::memchr(at, needle.back(), static_cast<std::size_t>(end - at));
    if (hit == nullptr) return kNone;
    const char* const last = static_cast<const char*>(hit);
    if (std::memcmp(last - back, needle.data(), back) == 0)
      return static_cast<std::size_t>(last - back - haystack.data());
    at = last + 1;
  }
  return kNone;
}

// The syllable with which `letters` (a-z, 1 to 63 of them) completes a run of
// consecutive syllables that starts at or after `from`, each syllable typed
// whole or as its first letters ("kt", "kongt", "kongtiao": kong tiao), or
// kNone. `anchored`: only the run that starts at `from`. A 0 syllable (its
// initial '\n') ends every run.
std::size_t typed_run_end(std::span<const PinyinSyllable> syllables, std::string_view initials,
                          std::string_view letters, std::size_t from, bool anchored) {
  const std::uint64_t done = std::uint64_t{1} << letters.size();
  std::uint64_t typed = 0;  // bit j: a run so far has typed letters[0, j)
  for (std::size_t i = from; i < syllables.size(); ++i) {
    if (typed == 0) {  // only a new run can go on: skip to where one can start
      i = initials.find(letters[0], i);
      if (i == kNone || (anchored && i > from)) return kNone;
    }
    const std::uint64_t starts = typed | (anchored && i > from ? 0 : 1);
    typed = 0;
    const char* const syllable = pinyin_letters(syllables[i]);
    for (std::uint64_t rest = starts; rest != 0; rest &= rest - 1) {
      const auto j = static_cast<std::size_t>(std::countr_zero(rest));
      for (std::size_t k = 0; syllable[k] != 0 && j + k < letters.size() && letters[j + k] == syllable[k]; ++k)
        typed |= std::uint64_t{1} << (j + k + 1);
    }
    if (typed & done) return i;
  }
  return kNone;
}

// How a term was found in one article's text of a column (better last).
enum class Found : std::uint8_t { No, Inside, AtStart };
using Founds = std::vector<Found>;  // one per article of the index

void mark(Founds& found, std::size_t article, Found how) { found[article] = std::max(found[article], how); }

// One place (a title's language, the answers or the steps) of every article of
// the index side by side: what a term is looked for in, one pass each.
class Column {
 public:
  // Appends the next article's texts of this place (e.g. its Chinese and English answer).
  void add(const std::vector<const std::string*>& texts);
  // After the last add: ends the last article and gives back spare capacity.
  void finish();
  std::size_t bytes() const;

  // Each marks in `found` the articles where it is, AtStart when at the start of the article's first text.
  void find_substring(std::string_view han, Founds& found) const;
  void find_word_prefix(std::string_view spaced_word, Founds& found) const;  // " dra": a word starting "dra"
  void find_pinyin(std::string_view letters, Founds& found) const;

 private:
  // The article that holds position `at` of a column part that starts each article at `starts`, from `article` on.
  static std::size_t article_at(const std::vector<std::uint32_t>& starts, std::size_t at, std::size_t article) {
    while (starts[article + 1] <= at) ++article;
    return article;
  }

  std::string folded_;                     // each text folded, '\n' after it (for Han)
  std::string words_;                      // the words of letters and digits, each after a space
  std::string initials_;                   // each syllable's first letter, '\n' for a 0
  std::vector<PinyinSyllable> syllables_;  // the texts' Han characters read, 0 after each text
  std::vector<std::uint32_t> folded_at_, words_at_, syllables_at_;  // where each article starts, then the end
  std::vector<bool> starts_with_word_;                              // its first character is a letter or digit
  std::vector<bool> reads_from_start_;                              // its first character has a reading
};

void Column::add(const std::vector<const std::string*>& texts) {
  folded_at_.push_back(static_cast<std::uint32_t>(folded_.size()));
  words_at_.push_back(static_cast<std::uint32_t>(words_.size()));
  syllables_at_.push_back(static_cast<std::uint32_t>(syllables_.size()));
  const std::size_t first_byte = folded_.size(), first_syllable = syllables_.size();
  for (const std::string* text : texts) {
    append_folded(*text, folded_);
    folded_.push_back('\n');
    read_pinyin(*text, syllables_);
    syllables_.push_back(0);
  }
  for (std::size_t i = first_byte; i < folded_.size(); ++i) {
    if (!is_latin(folded_[i])) continue;
    if (i == first_byte || !is_latin(folded_[i - 1])) words_.push_back(' ');
    words_.push_back(folded_[i]);
  }
  for (std::size_t i = first_syllable; i < syllables_.size(); ++i)
    initials_.push_back(syllables_[i] == 0 ? '\n' : pinyin_letters(syllables_[i])[0]);
  starts_with_word_.push_back(first_byte < folded_.size() && is_latin(folded_[first_byte]));
  char32_t first = 0;
  if (!texts.empty() && !texts.front()->empty()) utf8_decode_at(*texts.front(), 0, first);
  reads_from_start_.push_back(has_pinyin(first));
}

void Column::finish() {
  folded_at_.push_back(static_cast<std::uint32_t>(folded_.size()));
  words_at_.push_back(static_cast<std::uint32_t>(words_.size()));
  syllables_at_.push_back(static_cast<std::uint32_t>(syllables_.size()));
  folded_.shrink_to_fit();
  words_.shrink_to_fit();
  initials_.shrink_to_fit();
  syllables_.shrink_to_fit();
}

std::size_t Column::bytes() const {
  const std::size_t offsets = folded_at_.capacity() + words_at_.capacity() + syllables_at_.capacity();
  return folded_.capacity() + words_.capacity() + initials_.capacity() +
         syllables_.capacity() * sizeof(PinyinSyllable) + offsets * sizeof(std::uint32_t) +
         (starts_with_word_.capacity() + reads_from_start_.capacity()) / 8;
}

void Column::find_substring(std::string_view han, Founds& found) const {
  std::size_t article = 0;
  for (std::size_t at = find_from(folded_, han, 0); at != kNone;
       at = find_from(folded_, han, folded_at_[article + 1])) {
    article = article_at(folded_at_, at, article);
    mark(found, article, at == folded_at_[article] ? Found::AtStart : Found::Inside);
  }
}

void Column::find_word_prefix(std::string_view spaced_word, Founds& found) const {
  std::size_t article = 0;
  for (std::size_t at = find_from(words_, spaced_word, 0); at != kNone;
       at = find_from(words_, spaced_word, words_at_[article + 1])) {
    article = article_at(words_at_, at, article);
    const bool at_start = at == words_at_[article] && starts_with_word_[article];
    mark(found, article, at_start ? Found::AtStart : Found::Inside);
  }
}

void Column::find_pinyin(std::string_view letters, Founds& found) const {
  if (letters.empty() || letters.size() > 63) return;
  std::size_t article = 0;
  for (std::size_t end = typed_run_end(syllables_, initials_, letters, 0, false); end != kNone;
       end = typed_run_end(syllables_, initials_, letters, syllables_at_[article + 1], false)) {
    article = article_at(syllables_at_, end, article);
    const std::size_t first = syllables_at_[article];
    const bool at_start =
        reads_from_start_[article] && typed_run_end(syllables_, initials_, letters, first, true) != kNone;
    mark(found, article, at_start ? Found::AtStart : Found::Inside);
  }
}

// The four places of every article.
struct Columns {
  Column title_zh, title_en, answer, steps;
  std::size_t bytes() const { return title_zh.bytes() + title_en.bytes() + answer.bytes() + steps.bytes(); }
};

// Per article, where a term is best found, if it is.
using Places = std::vector<std::optional<KbMatchPlace>>;

// The places of every article where `look(column, found)` finds a term.
template <class Look>
Places places_where(const Columns& columns, std::size_t count, Look&& look) {
  Places places(count);
  Founds found(count, Found::No);
  const auto take = [&](KbMatchPlace inside, KbMatchPlace at_start) {
    for (std::size_t a = 0; a < count; ++a)
      if (found[a] != Found::No && !places[a]) places[a] = found[a] == Found::AtStart ? at_start : inside;
    std::fill(found.begin(), found.end(), Found::No);
  };
  look(columns.title_zh, found);
  look(columns.title_en, found);
  take(KbMatchPlace::Title, KbMatchPlace::TitleStart);
  look(columns.answer, found);
  take(KbMatchPlace::Answer, KbMatchPlace::Answer);
  look(columns.steps, found);
  take(KbMatchPlace::Steps, KbMatchPlace::Steps);
  return places;
}

// A word of the query: letters and digits.
struct Word {
  std::string spaced = " ";  // after a space, as columns keep words
  bool letters_only = true;  // may be pinyin

  void push_back(char c) {
    spaced.push_back(c);
    letters_only = letters_only && c >= 'a';
  }
  std::string_view letters() const { return std::string_view(spaced).substr(1); }
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

// A word as an English word prefix, or when letters only, as pinyin.
Places word_places(const Columns& columns, std::size_t count, const Word& word) {
  return places_where(columns, count, [&](const Column& column, Founds& found) {
    column.find_word_prefix(word.spaced, found);
    if (word.letters_only) column.find_pinyin(word.letters(), found);
  });
}

// Keeps the places of `places` that `other` has too.
void keep_found_in(Places& places, const Places& other) {
  for (std::size_t a = 0; a < places.size(); ++a)
    if (!other[a]) places[a].reset();
}

Places term_places(const Columns& columns, std::size_t count, const Term& term) {
  if (!term.han.empty())
    return places_where(columns, count,
                        [&](const Column& column, Founds& found) { column.find_substring(term.han, found); });
  if (term.words.size() == 1) return word_places(columns, count, term.joined);
  // Several words: typed as one run of pinyin, else each word somewhere (the first's place counts).
  Places joined = places_where(columns, count, [&](const Column& column, Founds& found) {
    if (term.joined.letters_only) column.find_pinyin(term.joined.letters(), found);
  });
  Places each = word_places(columns, count, term.words.front());
  for (std::size_t w = 1; w < term.words.size(); ++w) keep_found_in(each, word_places(columns, count, term.words[w]));
  for (std::size_t a = 0; a < count; ++a)
    if (each[a] && (!joined[a] || *each[a] < *joined[a])) joined[a] = each[a];
  return joined;
}

}  // namespace

struct KbIndex::Data {
  std::vector<std::size_t> article;  // per entry: its index in the articles the index was built from
  std::vector<std::size_t> rank;     // per entry: its order by sort, then Chinese title
  Columns columns;
};

KbIndex::KbIndex(const std::vector<KbArticle>& articles) : data_(std::make_unique<Data>()) {
  Data& d = *data_;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const KbArticle& a = articles[i];
    if (!a.active) continue;
    d.article.push_back(i);
    d.columns.title_zh.add({&a.zh.title});
    d.columns.title_en.add({&a.en.title});
    d.columns.answer.add({&a.zh.answer, &a.en.answer});
    std::vector<const std::string*> steps;
    for (const std::vector<std::string>* language : {&a.zh.steps, &a.en.steps})
      for (const std::string& step : *language) steps.push_back(&step);
    d.columns.steps.add(steps);
  }
  for (Column* column : {&d.columns.title_zh, &d.columns.title_en, &d.columns.answer, &d.columns.steps})
    column->finish();
  std::vector<std::size_t> order(d.article.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const KbArticle& a = articles[d.article[x]];
    const KbArticle& b = articles[d.article[y]];
    return std::tie(a.sort, a.zh.title, x) < std::tie(b.sort, b.zh.title, y);
  });
  d.rank.resize(order.size());
  for (std::size_t r = 0; r < order.size(); ++r) d.rank[order[r]] = r;
}

KbIndex::~KbIndex() = default;

std::size_t KbIndex::size() const { return data_->article.size(); }

std::size_t KbIndex::memory_bytes() const {
  return sizeof(Data) + (data_->article.capacity() + data_->rank.capacity()) * sizeof(std::size_t) +
         data_->columns.bytes();
}

std::vector<KbHit> KbIndex::search(std::string_view query, std::size_t limit) const {
  const std::vector<Term> terms = terms_of(query);
  if (terms.empty() || limit == 0) return {};
  const std::size_t count = size();
  Places places = term_places(data_->columns, count, terms.front());
  for (std::size_t t = 1; t < terms.size(); ++t) keep_found_in(places, term_places(data_->columns, count, terms[t]));
  struct Match {
    KbMatchPlace place;
    std::size_t rank, entry;
  };
  std::vector<Match> found;
  for (std::size_t e = 0; e < count; ++e)
    if (places[e]) found.push_back({*places[e], data_->rank[e], e});
  const std::size_t shown = std::min(limit, found.size());
  std::partial_sort(
      found.begin(), found.begin() + static_cast<std::ptrdiff_t>(shown), found.end(),
      [](const Match& a, const Match& b) { return std::tie(a.place, a.rank) < std::tie(b.place, b.rank); });
  std::vector<KbHit> hits;
  hits.reserve(shown);
  for (std::size_t i = 0; i < shown; ++i) hits.push_back({data_->article[found[i].entry], found[i].place});
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
