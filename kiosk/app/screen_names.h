// The named screens a role can draw for `--screen NAME --screenshot FILE.png`
// (and `kiosk --list-screens ROLE`): one check and one message for every role.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace kiosk::app {

// Done when `name` is one of `names`; else InvalidArgument listing them all.
Result<Done> check_screen_name(const std::vector<std::string>& names, const std::string& name);

// The days a scripted screen shows (YYYY-MM-DD in Shanghai, the samples' zone),
// from the app's clock: a sample never offers a past date, and on the tests'
// clock the pictures stay the same.
struct SampleDays {
  std::string today, tomorrow, in_two_days, last_visit_day;  // last: today + 60 days
};
SampleDays sample_days(EpochMs now);

}  // namespace kiosk::app
