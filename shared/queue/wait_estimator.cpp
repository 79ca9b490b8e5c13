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

// One counter in the replay, with how far along the line it has looked: the
// oldest ticket a counter can call only ever moves further along.
struct ReplayCounter {
  const OpenCounter* counter;
  double free_at_min;  // minutes from now
  int priority_streak;
  bool done = false;  // nobody left in the line it calls
  std::size_t priority_from = 0, normal_from = 0;
};

// The line's tickets with those the replay has called marked.
class Line {
 public:
  Line(const std::vector<WaitingTicket>& waiting, const WaitingTicket* newcomer) {
    for (const WaitingTicket& t : waiting) tickets_.push_back(&t);
    if (newcomer) tickets_.push_back(newcomer);
    called_.assign(tickets_.size(), false);
  }
  // The oldest ticket of this class the counter calls, from `from` on (moved there).
  std::optional<std::size_t> oldest(const OpenCounter& counter, bool priority, std::size_t& from) const {
    while (from < tickets_.size() &&
           (called_[from] || tickets_[from]->priority != priority || !calls(counter, tickets_[from]->service_code)))
      ++from;
    return from < tickets_.size() ? std::optional<std::size_t>(from) : std::nullopt;
  }
  const WaitingTicket& operator[](std::size_t i) const { return *tickets_[i]; }
  void call(std::size_t i) { called_[i] = true; }
  std::size_t size() const { return tickets_.size(); }

 private:
  std::vector<const WaitingTicket*> tickets_;
  std::vector<bool> called_;
};

// The open counters at the start of the replay: each free once it has
// finished the ticket it holds.
std::vector<ReplayCounter> replay_counters(const QueueSnapshot& queue) {
  std::vector<ReplayCounter> counters;
  for (const OpenCounter& c : queue.open_counters) {
    double busy = 0;
    if (c.current_service) {
      const double expected = minutes_for(queue.minutes_per_ticket, *c.current_service);
      busy = std::max(expected - c.current_elapsed_min, expected * kLeastRemainingShare);
    }
    counters.push_back({&c, busy, c.priority_streak});
  }
  return counters;
}

// Replays the calling order over `line`: the counter free first calls the
// oldest ticket it may, as calling_policy decides, until no counter has
// anyone left to call or `called(index, minutes_from_now)` answers true.
template <class Called>
void replay(const QueueSnapshot& queue, std::vector<ReplayCounter>& counters, Line& line, Called called) {
  if (counters.empty()) return;
  for (;;) {
    const auto next =
        std::min_element(counters.begin(), counters.end(), [](const ReplayCounter& a, const ReplayCounter& b) {
          return a.done != b.done ? b.done : a.free_at_min < b.free_at_min;
        });
    if (next->done) return;
    const std::optional<std::size_t> priority = line.oldest(*next->counter, true, next->priority_from);
    const std::optional<std::size_t> normal = line.oldest(*next->counter, false, next->normal_from);
    const CallDecision decision =
        decide_next_call(priority.has_value(), normal.has_value(), next->priority_streak, queue.priority_interleave);
    if (decision.pick == NextPick::Nobody) {
      next->done = true;
      continue;
    }
    const std::size_t pick = decision.pick == NextPick::Priority ? *priority : *normal;
    if (called(pick, next->free_at_min)) return;
    line.call(pick);
    next->priority_streak = decision.priority_streak_after;
    next->free_at_min += minutes_for(queue.minutes_per_ticket, line[pick].service_code);
  }
}

int whole_minutes(double minutes) { return static_cast<int>(std::lround(minutes)); }

}  // namespace

std::optional<int> estimate_wait_min(const QueueSnapshot& queue, const WaitingTicket& newcomer) {
  std::vector<ReplayCounter> counters = replay_counters(queue);
  auto calls_newcomer = [&](const ReplayCounter& r) { return calls(*r.counter, newcomer.service_code); };
  if (std::none_of(counters.begin(), counters.end(), calls_newcomer)) return std::nullopt;

  // The newcomer joins the replayed line only when no counted rest of the queue comes between.
  const bool line_holds_all = queue.waiting_after.empty();
  Line line(queue.waiting, line_holds_all ? &newcomer : nullptr);
  std::optional<int> called_at;
  replay(queue, counters, line, [&](std::size_t pick, double minutes) {
    if (!line_holds_all || pick != line.size() - 1) return false;
    called_at = whole_minutes(minutes);
    return true;
  });
  if (called_at) return called_at;

  // The rest of the queue as a whole: the work of its tickets ahead of the
  // newcomer (for a priority newcomer, the priority ones) that the counters
  // calling the newcomer's service also call, shared among those counters.
  double free_at_total = 0, work = 0;
  int sharing = 0;
  for (const ReplayCounter& r : counters) {
    if (!calls_newcomer(r)) continue;
    free_at_total += r.free_at_min;
    ++sharing;
  }
  for (const WaitingCount& rest : queue.waiting_after) {
    const bool ahead = !newcomer.priority || rest.kind.priority;
    const bool shared = std::any_of(counters.begin(), counters.end(), [&](const ReplayCounter& r) {
      return calls_newcomer(r) && calls(*r.counter, rest.kind.service_code);
    });
    if (ahead && shared) work += rest.count * minutes_for(queue.minutes_per_ticket, rest.kind.service_code);
  }
  return whole_minutes((free_at_total + work) / sharing);
}

std::vector<std::optional<int>> estimate_waits_min(const QueueSnapshot& queue) {
  std::vector<std::optional<int>> minutes(queue.waiting.size());
  std::vector<ReplayCounter> counters = replay_counters(queue);
  Line line(queue.waiting, nullptr);
  replay(queue, counters, line, [&](std::size_t pick, double at) {
    minutes[pick] = whole_minutes(at);
    return false;
  });
  return minutes;
}

}  // namespace kiosk
