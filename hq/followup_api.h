// The follow-up calls' part of the console's API (docs/follow-up.md): the
// dispatcher's list and recording a call (dispatcher, admin: the only answers
// with a customer's phone), the open complaints (dispatcher, manager). The
// report is one of the console's reports (console_api.cpp), the settings the
// admin's (console_admin_api.cpp).
#pragma once

#include <httplib.h>

#include <map>
#include <string>

#include "codec/api_json.h"
#include "hq/console_guard.h"
#include "hq/followup_calls.h"

namespace kiosk::hq {

// A recorded call's body: {"reached": true|false, "solved": true|false|null,
// "score": 1-5|null, "note": "..."}; BadRequest names the field that is wrong.
FollowupCall followup_call_from(const std::string& id, const JsonBody& body);

// Adds the routes under `prefix`, and each fixed path's methods to `allowed` (for 405).
void add_followup_routes(httplib::Server& server, std::map<std::string, std::string>& allowed,
                         const std::string& prefix, const ConsoleGuard& guard);

}  // namespace kiosk::hq
