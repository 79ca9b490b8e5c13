// kioskctl's `request` command group: create, show, transition, list, lookup,
// purge and the product catalogue. Every option is read and checked (a usage
// error otherwise) before anything changes; the domain's refusals come back
// as the Result's error for kioskctl to map to its exit codes. The switches
// they read (--consent, --drop-off) are declared where kioskctl builds its
// command line, with the usage text.
#pragma once

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/command_line.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk::ctl {

// Runs `request SUBCOMMAND [options]` (the word "request" already read).
// Throws UsageError for bad usage.
Result<nlohmann::ordered_json> run_request_command(StoreDb& store, CommandLine& cl, const Clock& clock);

}  // namespace kiosk::ctl
