// Statistics of one business day, derived only from the tickets' recorded times:
// tickets issued, waits (average, 90th percentile, share within the service's
// target), average service time, no-show rate, and the error of the wait
// estimate each ticket showed when it was issued.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "model/queue_model.h"

namespace kiosk {

// What statistics need to know about one ticket record.
struct TicketTimes {
  std::string service_code;
  TicketState state;
  bool continues_transfer;  // created by a transfer: the same visit, not a new one
  EpochMs issued_at;
  std::optional<EpochMs> called_at;
  std::optional<EpochMs> started_at;
  std::optional<EpochMs> finished_at;
  std::optional<int> estimated_wait_min = std::nullopt;  // shown at issue; nullopt: none shown
};

struct StatsFigures {
  int tickets = 0;  // visits: tickets issued at the kiosk, not transfer continuations
  int served = 0;   // ticket records finished as done
  int no_shows = 0;
  int waiting = 0;                       // still waiting, called or being served
  std::optional<double> average_wait_s;  // first call minus issue, visits that were called
  std::optional<double> p90_wait_s;      // nearest-rank 90th percentile of the same
  // Share of visits served within the service's target: visits called within
  // it, over those called plus those still waiting (or left uncalled) longer
  // than it. A visit counts against the share as soon as it passes its target.
  std::optional<double> within_target_share;
  std::optional<double> average_service_s;  // finished minus started, done records
  std::optional<double> no_show_rate;       // no-shows / (done + no-shows)
  // The wait estimate against the wait it foretold (first call minus issue),
  // over visits called that showed an estimate when issued.
  int estimates_scored = 0;
  std::optional<double> estimate_mae_min;            // mean absolute error, minutes
  std::optional<double> estimate_within_5min_share;  // share off by at most 5 minutes
};

struct DayStats {
  std::string business_day;
  StatsFigures total;
  std::map<std::string, StatsFigures> by_service;
};

// wait_target_s: each service's target in seconds; now: the moment the figures
// are for (a visit not called by then has waited until then).
DayStats compute_day_stats(const std::string& business_day, const std::vector<TicketTimes>& tickets,
                           const std::map<std::string, int>& wait_target_s, EpochMs now);

// Nearest-rank percentile (0 < p <= 1) of unsorted values; nullopt when empty.
std::optional<double> nearest_rank_percentile(std::vector<double> values, double p);

}  // namespace kiosk
