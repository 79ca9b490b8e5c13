// Wait bins and the percentile read from them (wait_histogram.h).
#include "queue/wait_histogram.h"

#include <cmath>

namespace kiosk {
namespace {
constexpr std::int64_t kMinuteMs = 60'000;
constexpr int kMinuteBins = 60;                             // 0..59: [m, m+1) minutes
constexpr int kTenMinuteBins = 12;                          // 60..71: [60 + 10k, 70 + 10k) minutes
constexpr int kOverflowBin = kMinuteBins + kTenMinuteBins;  // 72: three hours or more

double upper_edge_s(int bin) {
  if (bin < kMinuteBins) return double(bin + 1) * 60.0;
  if (bin < kOverflowBin) return double(kMinuteBins + (bin - kMinuteBins + 1) * 10) * 60.0;
  return 180.0 * 60.0;  // the overflow bin has no upper edge: its lower one
}
}  // namespace

int wait_bin(std::int64_t wait_ms) {
  const std::int64_t minutes = wait_ms < 0 ? 0 : wait_ms / kMinuteMs;
  if (minutes < kMinuteBins) return int(minutes);
  if (minutes < 180) return kMinuteBins + int((minutes - kMinuteBins) / 10);
  return kOverflowBin;
}

std::optional<double> percentile_from_bins(const Counts<int>& bins, double p) {
  std::int64_t total = 0;
  for (const auto& [bin, count] : bins) total += count;
  if (total <= 0) return std::nullopt;
  const auto rank = std::max<std::int64_t>(1, std::int64_t(std::ceil(p * double(total))));
  std::int64_t seen = 0;
  for (const auto& [bin, count] : bins) {
    seen += count;
    if (seen >= rank) return upper_edge_s(bin);
  }
  return upper_edge_s(bins.rbegin()->first);
}

}  // namespace kiosk
