// `kiosk --role customer`: the walk-in customer's touch screen on the store's
// own database (and, with --listen, the store node's LAN API in the same process).
#pragma once

#include "core/command_line.h"

namespace kiosk::customer {

// Reads the role's options from `cl`; returns the exit code.
int run_customer_role(CommandLine& cl);

}  // namespace kiosk::customer
