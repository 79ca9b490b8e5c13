// Waits in bins, for the 90th percentile of more visits than it is worth
// keeping every wait of (HQ's reports over many stores or months): one-minute
// bins up to an hour, ten-minute bins up to three hours, one bin above. The
// percentile read from bins is the upper edge of the bin that holds the
// nearest rank: never under the exact figure, at most a minute over it for
// waits under an hour.
#pragma once

#include <cstdint>
#include <optional>

#include "core/counts.h"

namespace kiosk {

// The bin of a wait (0..72).
int wait_bin(std::int64_t wait_ms);

// Nearest-rank percentile (0 < p <= 1) in seconds; nullopt when empty.
std::optional<double> percentile_from_bins(const Counts<int>& bins, double p);

}  // namespace kiosk
