// A service hall's business day made up from a seed, the same on every run and
// machine (its own random draws, not std's distributions): customers arriving
// per service at rates that rise and fall through the day, each with the
// minutes their visit takes, whether they turn up when called, how long they
// wait before giving up, and maybe a transfer; counters calling different sets
// of services at different paces, opening late, pausing for lunch, one leaving
// early. bench_wait_estimate replays it through the queue engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "model/queue_model.h"

namespace kiosk::bench {

struct Customer {
  EpochMs arrives_at = 0;
  std::string service_code;
  bool priority = false;
  double patience_min = 0;                 // gives up (cancels) if not called by then
  bool turns_up = true;                    // false: a no-show when called
  double walk_up_min = 0;                  // from the call to the start of service
  double service_min = 0;                  // at a counter of pace 1
  std::optional<std::string> transfer_to;  // sent on to this service when done here
  double transfer_service_min = 0;
};

struct CounterPlan {
  int number = 0;
  std::vector<std::string> service_codes;
  double pace = 1;  // its service times against the customers' (1.2: 20 % slower)
  EpochMs opens_at = 0;
  EpochMs lunch_at = 0;  // pauses once its ticket is done, for lunch_min
  double lunch_min = 0;
  std::optional<EpochMs> leaves_at;  // closes early; otherwise it serves until the queue is empty
};

struct GeneratedDay {
  std::vector<Customer> customers;  // by arrival time
  std::vector<CounterPlan> counters;
  EpochMs doors_close_at = 0;  // no arrivals after it
};

// `opens_at`: the day's 09:00 in the store's time; `volume` scales every
// arrival rate (1: about 250 customers at 6 counters).
GeneratedDay generate_day(std::uint64_t seed, EpochMs opens_at, const std::vector<Service>& services, double volume);

}  // namespace kiosk::bench
