// What HQ counts of one use of a help article (docs/help-articles.md,
// "Counted"): the one definition. A use is one article opened on a kiosk
// (a kb_use record at its latest revision); kb_use_day keeps the sums of its
// counts per business day, store and article (kb_use_days.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::hq {

// What an uploaded kb_use record says (upload_reader.cpp checks it).
struct KbUseFact {
  std::string article;          // the article's id
  std::string business_day;     // YYYY-MM-DD, the store's
  std::optional<bool> helpful;  // the customer's answer; none: not answered
  bool took_ticket = false;     // a number was taken in the same help visit
};

struct KbUseSums {
  std::int64_t views = 0, helpful = 0, not_helpful = 0, without_ticket = 0;

  KbUseSums& operator+=(const KbUseSums& other) {
    views += other.views;
    helpful += other.helpful;
    not_helpful += other.not_helpful;
    without_ticket += other.without_ticket;
    return *this;
  }
  KbUseSums& operator-=(const KbUseSums& other) {
    views -= other.views;
    helpful -= other.helpful;
    not_helpful -= other.not_helpful;
    without_ticket -= other.without_ticket;
    return *this;
  }
  bool is_zero() const { return views == 0 && helpful == 0 && not_helpful == 0 && without_ticket == 0; }
};

// views: every use; helpful / not_helpful: uses with that answer; answered
// without a ticket: uses answered helpful whose help visit took no number.
inline KbUseSums counted(const KbUseFact& use) {
  const bool helpful = use.helpful.value_or(false), not_helpful = use.helpful.has_value() && !*use.helpful;
  return KbUseSums{1, helpful, not_helpful, helpful && !use.took_ticket};
}

}  // namespace kiosk::hq
