// kiosk.toml meets the command line: `--config FILE` (default /etc/kiosk/kiosk.toml)
// is read and its values become the options the command line did not give, for
// the role that runs (so every flag overrides the file). Unknown keys are
// printed as warnings; a bad value is a UsageError naming the file and the key.
#pragma once

#include <string>
#include <vector>

#include "config/kiosk_config.h"

namespace kiosk::app {

// Returns the command line with the file's values added. For the roles owning
// the store (customer, node) it also applies the file's store settings: the
// database must belong to store_id, and hq_url replaces the URL `kioskctl hq
// set` stored (the device token is kept).
std::vector<std::string> apply_config_file(std::vector<std::string> args);

}  // namespace kiosk::app
