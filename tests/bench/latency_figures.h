// What every latency benchmark reports: the median, the 95th and the 99th
// percentile of its samples, in milliseconds; and how it takes one sample.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace kiosk::bench {

struct Figures {
  double median_ms, p95_ms, p99_ms;
};

// No samples (e.g. a smoke run too short for a category) gives zeros.
inline Figures summarise(std::vector<double> ms) {
  if (ms.empty()) return {0, 0, 0};
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * double(ms.size())))];
  };
  return {at(0.5), at(0.95), at(0.99)};
}

// How long `body` took, in milliseconds (steady clock).
template <class Body>
double time_ms(Body&& body) {
  const auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace kiosk::bench
