// kioskctl's `tablet` command group, for a technician's tablet's data
// directory (DIR/technician.db, shared/field/): `set` gives it HQ's URL and
// the token `hq device add --technician` printed; `sync` runs one round with
// HQ (exit 0 when nothing is left to send, 3 when HQ refuses or revoked the
// tablet, 1 otherwise); `status` shows the link and what waits; `jobs` lists
// the jobs it keeps (no customer details: those stay on the tablet's screen).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "core/command_line.h"

namespace kiosk::ctl {

struct TabletAnswer {
  nlohmann::ordered_json body;
  int exit_code = 0;
};

// Runs `tablet SUBCOMMAND [options]` (the word "tablet" already read). Throws
// UsageError for bad usage; a refusal or failure comes back in the answer.
TabletAnswer run_tablet_command(const std::string& data_dir, CommandLine& cl, const Clock& clock);

}  // namespace kiosk::ctl
