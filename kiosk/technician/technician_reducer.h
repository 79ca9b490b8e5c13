// The technician tablet's rules as a pure function: given the state, an
// action, change the state and say what the worker must do
// (read or write the tablet's database, wake the sync thread). No ImGui, no
// SQLite, no clock. Notes are stored in the language on screen, so
// the reducer takes the texts to word them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "technician/technician_actions.h"
#include "technician/technician_state.h"

namespace kiosk::technician {

// A translation key's text in a language (notes go to HQ as words).
using Wording = std::function<std::string(const std::string& key, Language language)>;

std::vector<Effect> reduce(TechnicianState& state, const Action& action, const Wording& wording);

}  // namespace kiosk::technician
