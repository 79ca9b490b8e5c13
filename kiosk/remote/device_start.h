// How a counter console or a display starts with the store node: its flags
// (--store https://HOST:PORT, --data DIR where it keeps its enrolment, default
// kiosk.toml's data_dir, and --enrol CODE) and the enrolment it starts with:
// the one kept in DIR, or a new one made with --enrol (run.sh enrols its own).
#pragma once

#include <optional>
#include <string>

#include "core/command_line.h"
#include "remote/node_device.h"

namespace kiosk::remote {

struct DeviceArgs {
  std::string node_url;
  std::string data_dir;
  std::optional<std::string> enrol_code;
};

// Reads --store, --data and --enrol; throws UsageError with advice (an http:// address...).
DeviceArgs read_device_args(CommandLine& cl);

struct StartingEnrolment {
  std::optional<NodeEnrolment> enrolment;  // nullopt: the enrol screen first
  std::string refusal;                     // why --enrol did not enrol (the node's error code), for that screen
};

// The enrolment kept in the data directory; with a code, a new one made and
// saved first (the node's refusal is printed, and the device starts without).
// A kept file that cannot be read is printed and ignored: the enrol screen
// replaces it.
StartingEnrolment enrolment_at_start(const DeviceIdentity& identity, const std::optional<std::string>& enrol_code);

}  // namespace kiosk::remote
