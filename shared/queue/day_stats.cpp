// Day statistics as a pure computation over ticket times.
#include "queue/day_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiosk {
namespace {

struct Accumulator {
  StatsFigures figures;
  std::vector<double> waits;
  int within_target = 0;  // visits called within their target
  int judged = 0;         // visits whose target is met or missed by now
  double service_total = 0;
  int service_count = 0;
  double estimate_error_total_min = 0;
  int estimates_within_5min = 0;

  void add(const TicketTimes& t, int target_s, EpochMs now) {
    if (!t.continues_transfer) {
      ++figures.tickets;
      if (t.called_at) {
        const double wait = double(*t.called_at - t.issued_at) / 1000.0;
        waits.push_back(wait);
        ++judged;
        if (wait <= target_s) ++within_target;
        if (t.estimated_wait_min) score_estimate(*t.estimated_wait_min, wait / 60.0);
      } else if (double(now - t.issued_at) / 1000.0 > target_s) {
        ++judged;  // not called yet and already past its target: a miss whatever happens next
      }
    }
    if (t.state == TicketState::Done) {
      ++figures.served;
      if (t.started_at && t.finished_at) {
        service_total += double(*t.finished_at - *t.started_at) / 1000.0;
        ++service_count;
      }
    }
    if (t.state == TicketState::NoShow) ++figures.no_shows;
    if (t.state == TicketState::Waiting || t.state == TicketState::Called || t.state == TicketState::Serving)
      ++figures.waiting;
  }

  void score_estimate(int estimated_min, double waited_min) {
    const double error = std::abs(waited_min - double(estimated_min));
    ++figures.estimates_scored;
    estimate_error_total_min += error;
    if (error <= 5.0) ++estimates_within_5min;
  }

  StatsFigures finish() {
    if (!waits.empty()) {
      figures.average_wait_s = std::accumulate(waits.begin(), waits.end(), 0.0) / double(waits.size());
      figures.p90_wait_s = nearest_rank_percentile(waits, 0.9);
    }
    if (judged > 0) figures.within_target_share = double(within_target) / double(judged);
    if (service_count > 0) figures.average_service_s = service_total / service_count;
    const int ended = figures.served + figures.no_shows;
    if (ended > 0) figures.no_show_rate = double(figures.no_shows) / ended;
    if (figures.estimates_scored > 0) {
      figures.estimate_mae_min = estimate_error_total_min / figures.estimates_scored;
      figures.estimate_within_5min_share = double(estimates_within_5min) / figures.estimates_scored;
    }
    return figures;
  }
};

}  // namespace

std::optional<double> nearest_rank_percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * double(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

DayStats compute_day_stats(const std::string& business_day, const std::vector<TicketTimes>& tickets,
                           const std::map<std::string, int>& wait_target_s, EpochMs now) {
  Accumulator total;
  std::map<std::string, Accumulator> by_service;
  for (const TicketTimes& t : tickets) {
    const auto target = wait_target_s.find(t.service_code);
    const int target_s = target == wait_target_s.end() ? 15 * 60 : target->second;
    total.add(t, target_s, now);
    by_service[t.service_code].add(t, target_s, now);
  }
  DayStats stats{business_day, total.finish(), {}};
  for (auto& [code, acc] : by_service) stats.by_service[code] = acc.finish();
  return stats;
}

}  // namespace kiosk
