// `kiosk --role counter --store https://HOST:PORT --counter N [--data DIR] [--enrol CODE] ...`: see kiosk/counter/.
#pragma once

#include "core/command_line.h"

namespace kiosk::counter {

// Reads the role's options from `cl`; returns the exit code.
int run_counter_role(CommandLine& cl);

}  // namespace kiosk::counter
