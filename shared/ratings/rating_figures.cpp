// Rating sums and satisfaction (rating_figures.h).
#include "ratings/rating_figures.h"

namespace kiosk {

void RatingSums::add(int score, const std::vector<std::string>& reason_codes, std::int64_t sign) {
  if (score < 1 || score > 5) return;
  scores[std::size_t(score - 1)] += sign;
  Counts<std::string> given;
  for (const std::string& reason : reason_codes) given[reason] = 1;
  add_counts(reasons, given, sign);
}

RatingSums& RatingSums::operator+=(const RatingSums& other) {
  for (std::size_t i = 0; i < scores.size(); ++i) scores[i] += other.scores[i];
  add_counts(reasons, other.reasons);
  return *this;
}

RatingSums& RatingSums::operator-=(const RatingSums& other) {
  for (std::size_t i = 0; i < scores.size(); ++i) scores[i] -= other.scores[i];
  add_counts(reasons, other.reasons, -1);
  return *this;
}

std::int64_t RatingSums::count() const {
  std::int64_t n = 0;
  for (std::int64_t s : scores) n += s;
  return n;
}

std::optional<double> satisfied_share(const RatingSums& sums) {
  const std::int64_t n = sums.count();
  if (n <= 0) return std::nullopt;
  return double(sums.scores[3] + sums.scores[4]) / double(n);
}

std::optional<double> average_score(const RatingSums& sums) {
  const std::int64_t n = sums.count();
  if (n <= 0) return std::nullopt;
  std::int64_t points = 0;
  for (std::size_t i = 0; i < sums.scores.size(); ++i) points += std::int64_t(i + 1) * sums.scores[i];
  return double(points) / double(n);
}

}  // namespace kiosk
