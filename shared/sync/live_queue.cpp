// Reading the live queue: the waiting tickets, then the estimate's replay.
#include "sync/live_queue.h"

#include <map>

#include "queue/queue_snapshot.h"
#include "queue/wait_estimator.h"
#include "store/catalog.h"
#include "store/storage_guard.h"
#include "sync/public_page.h"

namespace kiosk {

Result<LiveQueue> read_live_queue(StoreDb& store, const Clock& clock) {
  return storage_guarded([&]() -> Result<LiveQueue> {
    Database& db = store.db();
    ReadTransaction snapshot(db);
    const EpochMs now = clock.now_ms();
    LiveQueue queue;
    queue.business_day = store.zone().business_day(now);
    Result<PublicPage> page = read_public_page(db);
    if (!page) return page.error();
    const bool reminders = page.value().reminders;
    Statement& q = db.prepare(
        "SELECT id, service_code, coalesce(phone, '') FROM ticket WHERE state = 'waiting' AND business_day = ?1 "
        "ORDER BY queued_since, seq LIMIT ?2");
    q.bind(1, queue.business_day).bind(2, kMaxLiveTickets);
    std::map<std::string, int> seen_of_service;
    while (q.step())
      queue.tickets.push_back(
          LiveTicket{q.text(0), seen_of_service[q.text(1)]++, std::nullopt, reminders ? q.text(2) : std::string()});
    q.reset();
    if (queue.tickets.empty()) return queue;

    std::vector<std::string> replayed_ids;
    const QueueSnapshot replayed = read_queue_snapshot(db, queue.business_day, now, load_active_services(db),
                                                       store.priority_interleave(), &replayed_ids);
    const std::vector<std::optional<int>> minutes = estimate_waits_min(replayed);
    std::map<std::string, std::optional<int>> minutes_of;
    for (std::size_t i = 0; i < replayed_ids.size() && i < minutes.size(); ++i)
      minutes_of[replayed_ids[i]] = minutes[i];
    for (LiveTicket& t : queue.tickets)
      if (const auto found = minutes_of.find(t.id); found != minutes_of.end()) t.wait_min = found->second;
    return queue;
  });
}

nlohmann::ordered_json live_queue_json(const LiveQueue& queue) {
  using json = nlohmann::ordered_json;
  json tickets = json::array();
  for (const LiveTicket& t : queue.tickets) {
    json entry{{"id", t.id}, {"ahead", t.ahead}, {"wait_min", t.wait_min ? json(*t.wait_min) : json(nullptr)}};
    if (!t.phone.empty()) entry["phone"] = t.phone;
    tickets.push_back(std::move(entry));
  }
  return json{{"business_day", queue.business_day}, {"tickets", std::move(tickets)}};
}

}  // namespace kiosk
