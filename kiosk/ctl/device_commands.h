// kioskctl's `device` command group (docs/store-node-api.md "TLS and enrolled
// devices"): `enrol [--label TEXT]` makes a one-time code for a counter PC or
// a display, with the node's fingerprint for staff to compare on the device
// (null before the node's first start: it makes its key then); `list` shows
// every device ever enrolled; `revoke ID` refuses that device's next call.
// On a device without the kiosk's screen to type on (a script, run.sh),
// `join --store URL --code CODE --kind counter|display --name NAME` enrols
// the device whose data directory is --data, as its enrol screen would.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "core/command_line.h"
#include "core/result.h"
#include "store/store_db.h"

namespace kiosk::ctl {

// Runs `device SUBCOMMAND [options]` (the words already read) on the
// store in `data_dir` (the node's key is read from DATA/tls). Throws
// UsageError for bad usage; a refusal or failure comes back as the error.
Result<nlohmann::ordered_json> run_device_command(StoreDb& store, const std::string& data_dir,
                                                  const std::string& subcommand, CommandLine& cl, const Clock& clock);

// `device join` (the word "join" already read): enrols this device with the
// node and saves its enrolment in `data_dir`. Prints the device and the
// fingerprint staff compare; never the token.
Result<nlohmann::ordered_json> run_device_join(const std::string& data_dir, CommandLine& cl);

}  // namespace kiosk::ctl
