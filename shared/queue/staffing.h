// Erlang C (the M/M/c queue): how many counters a service needs so that a
// share of its visitors is called within the wait target. Assumes Poisson
// arrivals, exponential service times, one FIFO queue served by identical
// counters, nobody leaving the queue, and a steady load over the period the
// rates describe. docs/hq-console.md ("Staffing forecast").
#pragma once

namespace kiosk {

// The share of visitors to call within the target that the forecast aims at.
constexpr double kStaffingGoalShare = 0.8;

// The probability that a visitor waits at all, C(c, A), with `counters` = c
// counters and an offered load A = arrival rate x mean service time (in
// Erlangs). 1 when load >= counters (the queue grows without end); 0 for no load.
double erlang_c(int counters, double load);

// The share of visitors called within `target_s` seconds:
// 1 - C(c, A) * e^{-(c*mu - lambda) * t}, mu = 1 / service_s; 0 when the load
// reaches the counters, 1 without arrivals.
double share_within_target(int counters, double arrivals_per_s, double service_s, double target_s);

// The fewest counters (more than the load) whose share within the target
// reaches `goal` (0 <= goal < 1); 0 without arrivals.
int counters_needed(double arrivals_per_s, double service_s, double target_s, double goal = kStaffingGoalShare);

}  // namespace kiosk
