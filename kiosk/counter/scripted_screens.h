// Brings the counter console to a named screen without a finger, for
// `kiosk --role counter --screen NAME --screenshot FILE.png`: the node's live
// queue, with a staff member "Li Na" and a sample ticket on top. The script
// applies results only: nothing is asked of the node (no login, no call).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "counter/counter_app.h"

namespace kiosk::counter {

// login, login-error, open, console, serving, finish, transfer, paused, unreachable
const std::vector<std::string>& scripted_screen_names();

// The app should have loaded the queue first. Returns the moment to draw the screen at.
Result<EpochMs> script_screen(CounterApp& app, const std::string& name, EpochMs now);

}  // namespace kiosk::counter
