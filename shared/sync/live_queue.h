// The store's live queue as HQ shows it on customers' phones (the body of
// POST /sync/v1/queue, docs/public-pages.md): today's waiting tickets in
// queue order, each with the tickets of its service ahead of it (what the
// kiosk showed at issue), its minutes until called by the store's wait
// estimate (queue/wait_estimator.h, one replay for all) and, only while HQ
// sends reminders, the phone its customer gave for one.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk {

constexpr int kMaxLiveTickets = 2000;  // HQ's limit per post

struct LiveTicket {
  std::string id;
  int ahead = 0;                // waiting tickets of its service queued before it
  std::optional<int> wait_min;  // nullopt: no open counter calls it, or beyond the estimate's replay
  std::string phone;            // digits; empty unless it asked for a reminder and HQ sends them
};

struct LiveQueue {
  std::string business_day;
  std::vector<LiveTicket> tickets;  // in queue order (queued_since, then issue order), at most kMaxLiveTickets
};

// Read from one snapshot of the store.
Result<LiveQueue> read_live_queue(StoreDb& store, const Clock& clock);

// {"business_day", "tickets": [...]} without the moment: equal for equal queues.
nlohmann::ordered_json live_queue_json(const LiveQueue& queue);

}  // namespace kiosk
