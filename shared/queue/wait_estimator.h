// The wait a ticket taken now can expect (and each waiting ticket's), as a
// pure computation over the queue as it stands (queue/queue_snapshot.h reads
// it from the store): the open counters are replayed calling in the engine's
// order (oldest first across the services each counter calls, priority
// interleaved as calling_policy decides) until one calls the newcomer. Each counter first finishes the
// ticket it holds; each ticket then holds its counter for its service's recent
// time per ticket. So a counter shared with another service, tickets of other
// services ahead at a shared counter and tickets being served all count.
// Arrivals after the newcomer, counters opening, pausing or closing later are
// not foreseen. Beyond the oldest tickets (a long backlog) the rest of the
// queue is taken as a whole: its work shared by the counters that call the
// newcomer's service, so the estimate's cost stays bounded. (Scaling each counter by its own recent pace was measured
// in tests/bench/bench_wait_estimate and gained nothing, so it is not done.)
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct OpenCounter {
  int number = 0;
  std::vector<std::string> service_codes;  // services it calls
  int priority_streak = 0;                 // priority calls in a row so far
  // The ticket it holds now (called or serving), if any, and since when.
  std::optional<std::string> current_service;
  double current_elapsed_min = 0;
};

struct WaitingTicket {
  std::string service_code;
  bool priority = false;
};

// Waiting tickets of one service and class, counted.
struct WaitingCount {
  WaitingTicket kind;
  int count = 0;
};

struct QueueSnapshot {
  std::vector<OpenCounter> open_counters;
  std::vector<WaitingTicket> waiting;       // today's oldest waiting tickets in queue order (at most a few hundred)
  std::vector<WaitingCount> waiting_after;  // the rest of today's waiting tickets, by service and class
  std::map<std::string, double> minutes_per_ticket;  // each service's recent call-to-end average
  int priority_interleave = 2;
};

// Minutes until the newcomer (queued after every waiting ticket) is called,
// rounded to the nearest minute; nullopt when no open counter calls its service.
std::optional<int> estimate_wait_min(const QueueSnapshot& queue, const WaitingTicket& newcomer);

// Minutes until each ticket of `queue.waiting` is called, in its order, from
// one replay (the live queue HQ shows on customers' phones); nullopt for a
// ticket no open counter calls. The counted rest (`waiting_after`) comes
// after them all and is not replayed (its priority tickets would come first
// in truth: an estimate, like the newcomer's).
std::vector<std::optional<int>> estimate_waits_min(const QueueSnapshot& queue);

}  // namespace kiosk
