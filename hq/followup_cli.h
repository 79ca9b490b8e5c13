// `hq followup list|record` (docs/follow-up.md): the dispatcher's list as
// JSON lines (phones in full: the command line is an administrator's) and a
// call recorded as the console records it, with the actor "cli".
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.h"
#include "core/command_line.h"
#include "core/result.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// The words after "followup" and their options. `print_line` takes each
// listed task; the answer is null for a list, the recorded task otherwise.
Result<nlohmann::ordered_json> run_followup_command(CommandLine& cl, HqDb& db, EpochMs now,
                                                    const std::function<void(const std::string&)>& print_line);

}  // namespace kiosk::hq
