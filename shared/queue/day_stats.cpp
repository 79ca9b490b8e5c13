// Day statistics as a pure computation over ticket times: per-ticket sums,
// then figures from sums.
#include "queue/day_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace kiosk {
namespace {

constexpr std::int64_t kFiveMinutesMs = 5 * 60'000;

template <class Op>
void each_field(StatsSums& a, const StatsSums& b, Op op) {
  op(a.tickets, b.tickets);
  op(a.served, b.served);
  op(a.no_shows, b.no_shows);
  op(a.still_open, b.still_open);
  op(a.called, b.called);
  op(a.wait_ms, b.wait_ms);
  op(a.within_target, b.within_target);
  op(a.uncalled, b.uncalled);
  op(a.service_n, b.service_n);
  op(a.service_ms, b.service_ms);
  op(a.estimate_n, b.estimate_n);
  op(a.estimate_error_ms, b.estimate_error_ms);
  op(a.estimate_within_5min, b.estimate_within_5min);
}

std::optional<double> share(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? std::optional(double(part) / double(whole)) : std::nullopt;
}

}  // namespace

StatsSums& StatsSums::operator+=(const StatsSums& other) {
  each_field(*this, other, [](std::int64_t& a, std::int64_t b) { a += b; });
  return *this;
}

StatsSums& StatsSums::operator-=(const StatsSums& other) {
  each_field(*this, other, [](std::int64_t& a, std::int64_t b) { a -= b; });
  return *this;
}

std::optional<std::int64_t> visit_wait_ms(const TicketTimes& t) {
  if (t.continues_transfer || !t.called_at) return std::nullopt;
  return *t.called_at - t.issued_at;
}

bool uncalled_past_target(const TicketTimes& t, int target_s, EpochMs now) {
  return !t.continues_transfer && !t.called_at && now - t.issued_at > std::int64_t(target_s) * 1000;
}

void add_ticket(StatsSums& sums, const TicketTimes& t, int target_s) {
  if (!t.continues_transfer) {
    ++sums.tickets;
    if (const std::optional<std::int64_t> wait = visit_wait_ms(t)) {
      ++sums.called;
      sums.wait_ms += *wait;
      if (*wait <= std::int64_t(target_s) * 1000) ++sums.within_target;
      if (t.estimated_wait_min) {
        const std::int64_t error = std::llabs(*wait - std::int64_t(*t.estimated_wait_min) * 60'000);
        ++sums.estimate_n;
        sums.estimate_error_ms += error;
        if (error <= kFiveMinutesMs) ++sums.estimate_within_5min;
      }
    } else {
      ++sums.uncalled;
    }
  }
  if (t.state == TicketState::Done) {
    ++sums.served;
    if (t.started_at && t.finished_at) {
      ++sums.service_n;
      sums.service_ms += *t.finished_at - *t.started_at;
    }
  }
  if (t.state == TicketState::NoShow) ++sums.no_shows;
  if (t.state == TicketState::Waiting || t.state == TicketState::Called || t.state == TicketState::Serving)
    ++sums.still_open;
}

StatsFigures figures_of(const StatsSums& s, std::int64_t uncalled_judged, std::optional<double> p90_wait_s) {
  StatsFigures f;
  f.tickets = int(s.tickets);
  f.served = int(s.served);
  f.no_shows = int(s.no_shows);
  f.waiting = int(s.still_open);
  if (s.called > 0) {
    f.average_wait_s = double(s.wait_ms) / 1000.0 / double(s.called);
    f.p90_wait_s = p90_wait_s;
  }
  f.within_target_share = share(s.within_target, s.called + uncalled_judged);
  if (s.service_n > 0) f.average_service_s = double(s.service_ms) / 1000.0 / double(s.service_n);
  f.no_show_rate = share(s.no_shows, s.served + s.no_shows);
  f.estimates_scored = int(s.estimate_n);
  if (s.estimate_n > 0) {
    f.estimate_mae_min = double(s.estimate_error_ms) / 60'000.0 / double(s.estimate_n);
    f.estimate_within_5min_share = share(s.estimate_within_5min, s.estimate_n);
  }
  return f;
}

std::optional<double> nearest_rank_percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * double(values.size())));
  return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

int wait_target_of(const std::map<std::string, int>& wait_target_s, const std::string& service_code) {
  const auto target = wait_target_s.find(service_code);
  return target == wait_target_s.end() ? 15 * 60 : target->second;
}

DayStats compute_day_stats(const std::string& business_day, const std::vector<TicketTimes>& tickets,
                           const std::map<std::string, int>& wait_target_s, EpochMs now) {
  struct Part {
    StatsSums sums;
    std::int64_t uncalled_judged = 0;
    std::vector<double> waits_s;
    StatsFigures figures() const { return figures_of(sums, uncalled_judged, nearest_rank_percentile(waits_s, 0.9)); }
  };
  Part total;
  std::map<std::string, Part> by_service;
  for (const TicketTimes& t : tickets) {
    const int target_s = wait_target_of(wait_target_s, t.service_code);
    for (Part* part : {&total, &by_service[t.service_code]}) {
      add_ticket(part->sums, t, target_s);
      if (uncalled_past_target(t, target_s, now)) ++part->uncalled_judged;
      if (const std::optional<std::int64_t> wait = visit_wait_ms(t)) part->waits_s.push_back(double(*wait) / 1000.0);
    }
  }
  DayStats stats{business_day, total.figures(), {}};
  for (const auto& [code, part] : by_service) stats.by_service[code] = part.figures();
  return stats;
}

}  // namespace kiosk
