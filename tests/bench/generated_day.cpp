// The generated day: arrivals by thinning a rate that peaks mid-morning,
// around lunch and mid-afternoon; log-normal visit lengths around a mean per
// service that differs from the catalogue's typical_service_min.
#include "generated_day.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace kiosk::bench {
namespace {

constexpr EpochMs kMin = 60'000;
constexpr double kHoursOpen = 8;  // doors 09:00-17:00

// splitmix64: small, fast, and the same sequence everywhere.
class Draws {
 public:
  explicit Draws(std::uint64_t seed) : state_(seed) {}
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  bool chance(double p) { return uniform() < p; }
  double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
  double normal() { return std::sqrt(-2.0 * std::log(1.0 - uniform())) * std::cos(2.0 * M_PI * uniform()); }
  // Log-normal with this mean and shape.
  double log_normal(double mean, double sigma) {
    return std::exp(std::log(mean) - sigma * sigma / 2 + sigma * normal());
  }
  std::size_t index(std::size_t size) { return static_cast<std::size_t>(uniform() * double(size)); }

 private:
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

// Relative arrival rate at `hours` after opening (peaks at 10:30, 12:30, 15:00).
double day_shape(double hours, double shift_h) {
  const double h = hours - shift_h;
  auto bump = [&](double centre, double width, double height) {
    return height * std::exp(-((h - centre) / width) * ((h - centre) / width));
  };
  return 0.45 + bump(1.5, 1.0, 0.9) + bump(3.5, 0.7, 0.6) + bump(6.0, 1.0, 0.75);
}
constexpr double kShapeMax = 1.5;  // above day_shape everywhere

// Customers an hour at the shape's 1.0, per service, and how their visit
// lengths spread (log-normal shape).
const std::map<std::string, double> kHourlyRate{{"A", 9},   {"B", 2.5}, {"C", 3.5}, {"D", 6},
                                                {"E", 3.5}, {"F", 2.5}, {"G", 2},   {"H", 7}};
constexpr double kServiceSpread = 0.55;

}  // namespace

GeneratedDay generate_day(std::uint64_t seed, EpochMs opens_at, const std::vector<Service>& services, double volume) {
  Draws draw(seed);
  GeneratedDay day;
  day.doors_close_at = opens_at + EpochMs(kHoursOpen * 60) * kMin;

  // Each service's real mean visit: its typical_service_min, off by -30 % to +50 %.
  std::map<std::string, double> mean_min;
  std::vector<std::string> codes;
  for (const Service& s : services) {
    mean_min[s.code] = double(s.typical_service_min) * draw.uniform(0.7, 1.5);
    codes.push_back(s.code);
  }

  for (const Service& s : services) {
    const auto rate = kHourlyRate.find(s.code);
    if (rate == kHourlyRate.end()) continue;
    const double peak_per_h = rate->second * volume * kShapeMax;
    const double shift_h = draw.uniform(-0.5, 0.5);
    for (double h = draw.exponential(1.0 / peak_per_h); h < kHoursOpen; h += draw.exponential(1.0 / peak_per_h)) {
      if (!draw.chance(day_shape(h, shift_h) / kShapeMax)) continue;
      Customer c;
      c.arrives_at = opens_at + EpochMs(h * 3'600'000.0);
      c.service_code = s.code;
      c.priority = s.priority_allowed && draw.chance(0.08);
      c.patience_min = 20 + draw.exponential(70);
      c.turns_up = !draw.chance(0.04);
      c.walk_up_min = draw.uniform(0.2, 1.0);
      c.service_min = std::max(0.5, draw.log_normal(mean_min[s.code], kServiceSpread));
      if (draw.chance(0.03)) {
        std::string to = codes[draw.index(codes.size())];
        if (to != s.code) {
          c.transfer_service_min = std::max(0.5, draw.log_normal(mean_min[to], kServiceSpread));
          c.transfer_to = std::move(to);
        }
      }
      day.customers.push_back(std::move(c));
    }
  }
  std::sort(day.customers.begin(), day.customers.end(),
            [](const Customer& a, const Customer& b) { return a.arrives_at < b.arrives_at; });

  // Six counters: specialists and one that calls everything; staggered lunches.
  const std::vector<std::vector<std::string>> kServiceSets{
      {"A", "D", "H"}, {"A", "B"}, {"C", "E"}, {"E", "F", "G"}, {"H", "D"}, {"A", "B", "C", "D", "E", "F", "G", "H"}};
  const std::size_t late = draw.index(kServiceSets.size()), early = draw.index(kServiceSets.size());
  for (std::size_t i = 0; i < kServiceSets.size(); ++i) {
    CounterPlan c;
    c.number = int(i) + 1;
    c.service_codes = kServiceSets[i];
    c.pace = draw.uniform(0.75, 1.35);
    c.opens_at = opens_at + EpochMs(i == late ? draw.uniform(60, 120) : draw.uniform(0, 15)) * kMin;
    c.lunch_at = opens_at + EpochMs(150 + 30 * (i % 3) + draw.uniform(0, 15)) * kMin;  // 11:30 to 12:45
    c.lunch_min = draw.uniform(40, 60);
    if (i == early && i != late) c.leaves_at = opens_at + EpochMs(draw.uniform(390, 450)) * kMin;  // 15:30-16:30
    day.counters.push_back(std::move(c));
  }
  return day;
}

}  // namespace kiosk::bench
