// Brings the technician's tablet to a named screen without a finger, for
// `kiosk --role technician --screen NAME --screenshot FILE.png`: a technician
// "Zhang Wei" with three sample jobs. The script applies results only:
// nothing is read from or written to a database.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "technician/technician_app.h"

namespace kiosk::technician {

// login, login-wrong-pin, not-set-up, waiting-for-hq, revoked, jobs, jobs-empty,
// notice, job, job-purged, schedule, complete, sign, complete-unconfirmed
const std::vector<std::string>& scripted_screen_names();

// Returns the moment to draw the screen at.
Result<EpochMs> script_screen(TechnicianApp& app, const std::string& name, EpochMs now);

}  // namespace kiosk::technician
