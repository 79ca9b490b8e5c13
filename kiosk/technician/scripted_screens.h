// Brings the technician's device to a named screen without a finger, for
// `kiosk --role technician --screen NAME --screenshot FILE.png`: a technician
// "Zhang Wei" with three sample jobs. The script applies results only: nothing
// is asked of the store node (no login, no change).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "technician/technician_app.h"

namespace kiosk::technician {

// login, login-wrong-pin, jobs, jobs-empty, job, job-not-mine, complete, offline
const std::vector<std::string>& scripted_screen_names();

// Returns the moment to draw the screen at.
Result<EpochMs> script_screen(TechnicianApp& app, const std::string& name, EpochMs now);

}  // namespace kiosk::technician
