// The store node's /queue and /events answers read into the display's own
// types, taking only the fields a hall may see (ticket label, service, counter,
// counts, names of services). A ticket that is not a ticket label or a counter
// out of range makes the answer refused as a whole, so whatever else a node
// might send can never reach the screen.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/result.h"
#include "display/display_state.h"

namespace kiosk::display {

struct QueueSnapshot {
  std::vector<ServiceCount> services;
  long long last_event_seq = 0;
  std::string time_zone;  // "" when the node does not say
};

struct EventsPage {
  std::vector<CallEvent> events;  // oldest first
  long long last_seq = 0;
};

// Unavailable ("bad-answer") when a field is missing or of the wrong type.
Result<QueueSnapshot> read_queue(const nlohmann::json& answer);
Result<EventsPage> read_events(const nlohmann::json& answer);

}  // namespace kiosk::display
