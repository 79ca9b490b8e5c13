// Reads the queue as it stands from the store, for the wait estimate
// (queue/wait_estimator.h): the open counters with the ticket each holds,
// today's waiting tickets in queue order, and each service's recent time per
// ticket. Call inside a transaction.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "model/queue_model.h"
#include "queue/wait_estimator.h"
#include "store/sqlite.h"

namespace kiosk {

// `services`: the active catalogue (its typical_service_min stands in for a
// service that has no ended calls yet). `waiting_ids`, when given, gets the
// ids of the snapshot's `waiting` tickets, in the same order. Throws SqliteError.
QueueSnapshot read_queue_snapshot(Database& db, const std::string& business_day, EpochMs now,
                                  const std::vector<Service>& services, int priority_interleave,
                                  std::vector<std::string>* waiting_ids = nullptr);

}  // namespace kiosk
