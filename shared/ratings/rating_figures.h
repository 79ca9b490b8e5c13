// What ratings add up to, for the store and HQ alike: how many of each score,
// how often each reason was given, the satisfied share (4 or 5, as
// PRODUCT.md defines satisfaction) and the mean score.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/counts.h"

namespace kiosk {

struct RatingSums {
  std::array<std::int64_t, 5> scores{};  // [0] = how many 1s ... [4] = how many 5s
  Counts<std::string> reasons;

  void add(int score, const std::vector<std::string>& reason_codes, std::int64_t sign = 1);
  RatingSums& operator+=(const RatingSums& other);
  RatingSums& operator-=(const RatingSums& other);
  bool operator==(const RatingSums& other) const = default;
  std::int64_t count() const;
};

// Share of ratings that are 4 or 5; nullopt without ratings.
std::optional<double> satisfied_share(const RatingSums& sums);
// The mean score (1 to 5); nullopt without ratings.
std::optional<double> average_score(const RatingSums& sums);

}  // namespace kiosk
