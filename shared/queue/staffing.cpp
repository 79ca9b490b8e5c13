// Erlang C through the Erlang B recursion (staffing.h): no factorials or
// powers, so any load stays within doubles.
#include "queue/staffing.h"

#include <cassert>
#include <cmath>

namespace kiosk {
namespace {

// Erlang B for one more counter: B(k) = A*B(k-1) / (k + A*B(k-1)), B(0) = 1.
double next_erlang_b(double previous_b, int counters, double load) {
  return load * previous_b / (counters + load * previous_b);
}

// C(c, A) from B(c, A), for A < c.
double erlang_c_of_b(double b, int counters, double load) { return counters * b / (counters - load * (1.0 - b)); }

double share_of(double wait_probability, int counters, double load, double service_s, double target_s) {
  return 1.0 - wait_probability * std::exp(-(counters - load) * target_s / service_s);
}

}  // namespace

double erlang_c(int counters, double load) {
  assert(counters >= 0 && load >= 0 && "erlang_c: counters and load are not negative");
  if (load <= 0) return 0;
  if (load >= counters) return 1;
  double b = 1;
  for (int k = 1; k <= counters; ++k) b = next_erlang_b(b, k, load);
  return erlang_c_of_b(b, counters, load);
}

double share_within_target(int counters, double arrivals_per_s, double service_s, double target_s) {
  assert(arrivals_per_s >= 0 && service_s >= 0 && target_s >= 0 && "share_within_target: rates are not negative");
  if (arrivals_per_s <= 0) return 1;
  const double load = arrivals_per_s * service_s;
  if (load >= counters) return 0;
  if (service_s <= 0) return 1;
  return share_of(erlang_c(counters, load), counters, load, service_s, target_s);
}

int counters_needed(double arrivals_per_s, double service_s, double target_s, double goal) {
  assert(goal >= 0 && goal < 1 && "counters_needed: a goal below 1 (every visitor on time is never certain)");
  assert(arrivals_per_s >= 0 && service_s >= 0 && target_s >= 0 && "counters_needed: rates are not negative");
  if (arrivals_per_s <= 0) return 0;
  const double load = arrivals_per_s * service_s;
  if (service_s <= 0) return 1;
  // B(c) for every c up to the first above the load, then one counter more at
  // a time until the share reaches the goal: O(answer) steps in all.
  int counters = int(std::floor(load)) + 1;
  double b = 1;
  for (int k = 1; k <= counters; ++k) b = next_erlang_b(b, k, load);
  while (share_of(erlang_c_of_b(b, counters, load), counters, load, service_s, target_s) < goal) {
    ++counters;
    b = next_erlang_b(b, counters, load);
  }
  return counters;
}

}  // namespace kiosk
