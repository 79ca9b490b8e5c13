// `kiosk --role technician --data DIR ...`: the field technician's tablet on
// its own database (DIR/technician.db), see kiosk/technician/.
#pragma once

#include "core/command_line.h"

namespace kiosk::technician {

// Reads the role's options from `cl`; returns the exit code.
int run_technician_role(CommandLine& cl);

}  // namespace kiosk::technician
