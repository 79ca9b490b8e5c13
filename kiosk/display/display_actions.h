// What can happen to the calling display: the store node worker's results,
// and the taps of its enrol screens (the board takes none); time passes
// through the `now` of each frame. Its one effect: enrol with a code.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "display/display_state.h"

namespace kiosk::display {

// Events from /events, oldest first. `live`: as they happen (highlighted);
// else replayed at start-up to fill the list of earlier calls (posted once,
// maybe empty, when the replay is done).
struct EventsArrived {
  std::vector<CallEvent> events;
  bool live = true;
};
// /queue answered: the waiting counts.
struct QueueLoaded {
  std::vector<ServiceCount> services;
  std::string time_zone;  // the store's IANA zone; "" from a node that does not say
};
// The node could not be reached (or answered nonsense); the worker retries.
struct NodeUnreachable {
  std::string reason;  // for the log, never shown
};

using kit::EnrolAnswer;  // the worker's enrolment and the node's refusals of this device
using kit::EnrolInput;   // the enrol screens' taps (kit/device_enrolment.h)

using Action = std::variant<EventsArrived, QueueLoaded, NodeUnreachable, EnrolInput, EnrolAnswer>;

// The display asks its worker for one thing (the rest of its work is following the node).
using Effect = kit::EnrolDevice;

}  // namespace kiosk::display
