// The named screens a role can draw for `--screen NAME --screenshot FILE.png`
// (and `kiosk --list-screens ROLE`): one check and one message for every role.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace kiosk::app {

// Done when `name` is one of `names`; else InvalidArgument listing them all.
Result<Done> check_screen_name(const std::vector<std::string>& names, const std::string& name);

}  // namespace kiosk::app
