// Searching help articles as the customer types (docs/help-articles.md,
// "Search"): Chinese as a substring of any length, pinyin whole or by initials
// over consecutive syllables (空调 from "kongtiao", "kongt", "kt"), English by
// word prefix. The index is built once from the store's articles and searched
// in memory on every keystroke; it holds copies, so it outlives what it was
// built from, and a const index may be searched from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/kb_article.h"

namespace kiosk {

// Where the best match of an article was found, best first.
enum class KbMatchPlace { TitleStart, Title, Answer, Steps };

struct KbHit {
  std::size_t article;  // index into the articles the index was built from
  KbMatchPlace place;
};

class KbIndex {
 public:
  // Indexes the active articles of `articles` (inactive ones never match).
  explicit KbIndex(const std::vector<KbArticle>& articles);
  ~KbIndex();
  KbIndex(const KbIndex&) = delete;
  KbIndex& operator=(const KbIndex&) = delete;

  // The articles matching `query`, best first (place, then the article's
  // sort, then its title), at most `limit`. A query with nothing to match
  // (empty, only spaces or punctuation) finds nothing.
  std::vector<KbHit> search(std::string_view query, std::size_t limit = 20) const;

  std::size_t size() const;

  // About the bytes the index holds (its texts, syllables and entries), for
  // the benchmark.
  std::size_t memory_bytes() const;

 private:
  struct Data;  // the articles' texts side by side, read for the search (kb_search.cpp)
  std::unique_ptr<Data> data_;
};

// The syllables of a Chinese text, one per character that has a reading
// (phrases first: 空调 -> {"kong", "tiao"}, 银行 -> {"yin", "hang"}); other
// characters are skipped. For tests; the index reads with kb/pinyin_reading.h.
std::vector<std::string> pinyin_syllables(std::string_view text);

}  // namespace kiosk
