// Statistics of business days, derived only from the tickets' recorded times:
// tickets issued, waits (average, 90th percentile, share within the service's
// target), average service time, no-show rate, and the error of the wait
// estimate each ticket showed when it was issued.
//
// One definition for the store (kioskctl stats) and HQ (its reports): each
// ticket adds integers to StatsSums, which add and subtract, so HQ can keep
// them per store, day and service as records arrive and sum them over any
// range; figures_of() turns sums into figures. Only two figures need more
// than sums: the 90th percentile (every wait) and the target share of visits
// not called yet (judged against `now`).
#pragma once

#include <cstdint>
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

// What tickets add up to, in integers (milliseconds for times).
struct StatsSums {
  std::int64_t tickets = 0;            // visits (not transfer continuations)
  std::int64_t served = 0;             // records finished as done
  std::int64_t no_shows = 0;           // records ended as no-show
  std::int64_t still_open = 0;         // records waiting, called or being served
  std::int64_t called = 0;             // visits called
  std::int64_t wait_ms = 0;            // their waits (first call minus issue)
  std::int64_t within_target = 0;      // of them, called within the service's target
  std::int64_t uncalled = 0;           // visits not called (judged against now: uncalled_past_target)
  std::int64_t service_n = 0;          // done records with both service times
  std::int64_t service_ms = 0;         // their service times (finished minus started)
  std::int64_t estimate_n = 0;         // visits called that showed a wait estimate
  std::int64_t estimate_error_ms = 0;  // |wait - estimate| summed
  std::int64_t estimate_within_5min = 0;

  StatsSums& operator+=(const StatsSums& other);
  StatsSums& operator-=(const StatsSums& other);
  bool operator==(const StatsSums& other) const = default;
};

// Adds one ticket record; target_s is its service's wait target.
void add_ticket(StatsSums& sums, const TicketTimes& ticket, int target_s);

// The wait of a visit that was called, in milliseconds; nullopt for a
// continuation or a visit not called.
std::optional<std::int64_t> visit_wait_ms(const TicketTimes& ticket);

// True for a visit not called that has waited longer than its target by `now`:
// a miss whatever happens next.
bool uncalled_past_target(const TicketTimes& ticket, int target_s, EpochMs now);

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

// Figures from sums: uncalled_judged is how many of sums.uncalled are past
// their target by now; p90_wait_s comes from the waits themselves (or a
// histogram of them, for ranges too large to keep every wait).
StatsFigures figures_of(const StatsSums& sums, std::int64_t uncalled_judged, std::optional<double> p90_wait_s);

struct DayStats {
  std::string business_day;
  StatsFigures total;
  std::map<std::string, StatsFigures> by_service;
};

// wait_target_s: each service's target in seconds (15 minutes when absent);
// now: the moment the figures are for (a visit not called by then has waited
// until then).
DayStats compute_day_stats(const std::string& business_day, const std::vector<TicketTimes>& tickets,
                           const std::map<std::string, int>& wait_target_s, EpochMs now);

// A service's target in seconds from the map above.
int wait_target_of(const std::map<std::string, int>& wait_target_s, const std::string& service_code);

// Nearest-rank percentile (0 < p <= 1) of unsorted values; nullopt when empty.
std::optional<double> nearest_rank_percentile(std::vector<double> values, double p);

}  // namespace kiosk
