// `kiosk --role display --store https://HOST:PORT [--data DIR] [--enrol CODE] [--lang zh|en|both] [--windowed WxH]
//   [--audio-out FILE.wav | --audio aplay|none] [--screen NAME --screenshot FILE.png]`:
// the hall's calling display (see kiosk/display/).
#pragma once

#include <string>
#include <vector>

#include "core/command_line.h"

namespace kiosk::display {

// The screens --screen draws: board (the node's live calls), offline, and the enrolment's (kit/enrol_samples.h).
const std::vector<std::string>& scripted_screen_names();

// Reads the role's options from `cl`; returns the exit code.
int run_display_role(CommandLine& cl);

}  // namespace kiosk::display
