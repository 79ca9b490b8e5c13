// Wait estimate by replaying the calling order over the current queue.
#include "queue/wait_estimator.h"

#include <algorithm>
#include <cmath>

#include "queue/calling_policy.h"

namespace kiosk {
namespace {

// A ticket held longer than expected still needs some time: at least this
// share of its expected time is left.
constexpr double kLeastRemainingShare = 0.25;

double minutes_for(const std::map<std::string, double>& minutes_per_ticket, const std::string& service) {
  const auto found = minutes_per_ticket.find(service);
  return found == minutes_per_ticket.end() ? 0.0 : found->second;
}

bool calls(const OpenCounter& counter, const std::string& service) {
  return std::find(counter.service_codes.begin(), counter.service_codes.end(), service) != counter.service_codes.end();
}

// One counter in the replay.
struct ReplayCounter {
  const OpenCounter* counter;
  double free_at_min;  // minutes from now
  int priority_streak;
};

}  // namespace

std::optional<int> estimate_wait_min(const QueueSnapshot& queue, const WaitingTicket& newcomer) {
  std::vector<ReplayCounter> counters;
  for (const OpenCounter& c : queue.open_counters) {
    double busy = 0;
    if (c.current_service) {
      const double expected = minutes_for(queue.minutes_per_ticket, *c.current_service);
      busy = std::max(expected - c.current_elapsed_min, expected * kLeastRemainingShare);
    }
    counters.push_back({&c, busy, c.priority_streak});
  }
  if (std::none_of(counters.begin(), counters.end(), [&](const ReplayCounter& r) { return calls(*r.counter, newcomer.service_code); }))
    return std::nullopt;

  // The queue with the newcomer last; `called` marks tickets the replay has handed out.
  std::vector<const WaitingTicket*> line;
  for (const WaitingTicket& t : queue.waiting) line.push_back(&t);
  line.push_back(&newcomer);
  std::vector<bool> called(line.size(), false);
  auto oldest = [&](const OpenCounter& counter, bool priority) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < line.size(); ++i)
      if (!called[i] && line[i]->priority == priority && calls(counter, line[i]->service_code)) return i;
    return std::nullopt;
  };

  while (!counters.empty()) {
    const auto next = std::min_element(counters.begin(), counters.end(), [](const ReplayCounter& a, const ReplayCounter& b) {
      return a.free_at_min < b.free_at_min;
    });
    const std::optional<std::size_t> priority = oldest(*next->counter, true), normal = oldest(*next->counter, false);
    const CallDecision decision =
        decide_next_call(priority.has_value(), normal.has_value(), next->priority_streak, queue.priority_interleave);
    if (decision.pick == NextPick::Nobody) {  // nobody left it calls: out of the replay
      counters.erase(next);
      continue;
    }
    const std::size_t pick = decision.pick == NextPick::Priority ? *priority : *normal;
    if (pick == line.size() - 1) return static_cast<int>(std::lround(next->free_at_min));
    called[pick] = true;
    next->priority_streak = decision.priority_streak_after;
    next->free_at_min += minutes_for(queue.minutes_per_ticket, line[pick]->service_code);
  }
  return std::nullopt;  // not reached: a counter that calls the newcomer's service calls it in the end
}

}  // namespace kiosk
