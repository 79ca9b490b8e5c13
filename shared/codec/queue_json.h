// JSON forms of the queue domain, shared by kioskctl, the store node's API and
// HQ so that every surface prints a ticket the same way.
#pragma once

#include <nlohmann/json.hpp>

#include "model/queue_model.h"
#include "queue/day_stats.h"
#include "queue/queue_engine.h"

namespace kiosk {

nlohmann::ordered_json to_json(const Ticket& ticket);
nlohmann::ordered_json to_json(const IssuedTicket& issued);
nlohmann::ordered_json to_json(const Counter& counter);
nlohmann::ordered_json to_json(const Service& service);
nlohmann::ordered_json to_json(const ServiceQueue& queue);
nlohmann::ordered_json to_json(const StatsFigures& figures);  // the keys kioskctl stats and HQ share
nlohmann::ordered_json to_json(const DayStats& stats);

}  // namespace kiosk
