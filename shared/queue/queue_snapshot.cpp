// SQL for the queue snapshot the wait estimate replays.
#include "queue/queue_snapshot.h"

#include <algorithm>

#include "core/comma_list.h"

namespace kiosk {
namespace {

constexpr double kMsPerMin = 60'000.0;
// How many of a service's latest ended calls (any day) make its time per ticket.
constexpr int kRecentCallsPerService = 20;
// How many of the oldest waiting tickets are replayed one by one; the rest
// are counted (wait_estimator.h).
constexpr int kReplayedTickets = 200;

// A call "ended" when the ticket left the counter for any reason: done,
// no-show or transferred; each held the counter from call to end. A call
// that ended before it began (the store's clock was put back meanwhile) tells
// nothing: counted, it made estimates negative, which HQ parks.
double service_minutes_per_ticket(Database& db, const Service& service) {
  Statement& q = db.prepare(
      "SELECT avg(finished_at - called_at), count(*) FROM (SELECT finished_at, called_at FROM ticket "
      "WHERE service_code = ?1 AND called_at IS NOT NULL AND finished_at >= called_at "
      "ORDER BY finished_at DESC LIMIT ?2)");
  q.bind(1, service.code).bind(2, kRecentCallsPerService);
  q.step();
  const double minutes = q.int64(1) > 0 ? double(q.int64(0)) / kMsPerMin : double(service.typical_service_min);
  q.reset();
  return minutes;
}

// Today's oldest waiting tickets in queue order, at most kReplayedTickets:
// the oldest of each class along the waiting index (no sort of the whole
// queue), merged; their ids into `ids` when given.
std::vector<WaitingTicket> oldest_waiting(Database& db, const std::string& day, std::vector<std::string>* ids) {
  struct Queued {
    EpochMs since;
    std::int64_t seq;
    WaitingTicket ticket;
    std::string id;
  };
  Statement& q = db.prepare(
      "SELECT queued_since, seq, service_code, id FROM ticket WHERE state = 'waiting' AND business_day = ?1 "
      "AND priority = ?2 ORDER BY queued_since, seq LIMIT ?3");
  std::vector<Queued> queued;
  for (const bool priority : {false, true}) {
    q.bind(1, day).bind(2, priority ? 1 : 0).bind(3, kReplayedTickets);
    while (q.step()) queued.push_back({q.int64(0), q.int64(1), {q.text(2), priority}, ids ? q.text(3) : ""});
    q.reset();
  }
  std::sort(queued.begin(), queued.end(),
            [](const Queued& a, const Queued& b) { return a.since != b.since ? a.since < b.since : a.seq < b.seq; });
  std::vector<WaitingTicket> oldest;
  if (ids) ids->clear();
  for (std::size_t i = 0; i < queued.size() && i < std::size_t(kReplayedTickets); ++i) {
    oldest.push_back(std::move(queued[i].ticket));
    if (ids) ids->push_back(std::move(queued[i].id));
  }
  return oldest;
}

// Today's waiting tickets by service and class, less those in `replayed`.
std::vector<WaitingCount> waiting_after(Database& db, const std::string& day,
                                        const std::vector<WaitingTicket>& replayed) {
  Statement& q = db.prepare(
      "SELECT service_code, priority, count(*) FROM ticket WHERE state = 'waiting' AND business_day = ?1 "
      "GROUP BY service_code, priority");
  q.bind(1, day);
  std::vector<WaitingCount> counts;
  while (q.step()) counts.push_back({{q.text(0), q.int64(1) != 0}, q.int32(2)});
  q.reset();
  for (const WaitingTicket& t : replayed)
    for (WaitingCount& c : counts)
      if (c.kind.service_code == t.service_code && c.kind.priority == t.priority) --c.count;
  std::erase_if(counts, [](const WaitingCount& c) { return c.count <= 0; });
  return counts;
}

}  // namespace

QueueSnapshot read_queue_snapshot(Database& db, const std::string& business_day, EpochMs now,
                                  const std::vector<Service>& services, int priority_interleave,
                                  std::vector<std::string>* waiting_ids) {
  QueueSnapshot snapshot;
  snapshot.priority_interleave = priority_interleave;
  for (const Service& s : services) snapshot.minutes_per_ticket[s.code] = service_minutes_per_ticket(db, s);

  Statement& counters = db.prepare(
      "SELECT c.number, c.services, c.priority_streak, t.service_code, t.called_at FROM counter c "
      "LEFT JOIN ticket t ON t.counter = c.number AND t.state IN ('called', 'serving') "
      "WHERE c.state = 'open' ORDER BY c.number");
  while (counters.step()) {
    OpenCounter c;
    c.number = counters.int32(0);
    c.service_codes = split_comma_list(counters.text(1));
    c.priority_streak = counters.int32(2);
    if (!counters.is_null(3)) {
      c.current_service = counters.text(3);
      c.current_elapsed_min = double(now - counters.int64(4)) / kMsPerMin;
    }
    snapshot.open_counters.push_back(std::move(c));
  }
  counters.reset();

  snapshot.waiting = oldest_waiting(db, business_day, waiting_ids);
  if (snapshot.waiting.size() == std::size_t(kReplayedTickets))
    snapshot.waiting_after = waiting_after(db, business_day, snapshot.waiting);
  return snapshot;
}

}  // namespace kiosk
