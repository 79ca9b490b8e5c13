// The technician device's rules as a pure function: given the state, an
// action and the time, change the state and say which API requests the worker
// must make. No ImGui, no HTTP, no clock of its own. Notes are sent in the
// language on screen, so the reducer takes the texts to word them.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "technician/technician_actions.h"
#include "technician/technician_state.h"

namespace kiosk::technician {

// A translation key's text in a language (notes go to the node as words).
using Wording = std::function<std::string(const std::string& key, Language language)>;

std::vector<Effect> reduce(TechnicianState& state, const Action& action, EpochMs now, const TechnicianTimings& timings,
                           const Wording& wording);

// When the UI should wake next without input (a refresh, a retry, a second of the countdown).
std::optional<EpochMs> next_deadline(const TechnicianState& state, EpochMs now, const TechnicianTimings& timings);

// Whole seconds until the next retry while the node is unreachable (at least 0).
int retry_seconds_left(const TechnicianState& state, EpochMs now);

}  // namespace kiosk::technician
