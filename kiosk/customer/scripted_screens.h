// Brings the customer kiosk to a named screen without a finger, for
// `kiosk --screen NAME --screenshot FILE.png`: the store's live data (services,
// queue, today's latest ticket) with a typical customer's input on top.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "customer/customer_app.h"

namespace kiosk::customer {

// welcome, take, phone, ticket, ticket-print-failed, rate, rate-score, rate-thanks, idle,
// admin-login, admin-wrong-pin, admin, devices, devices-code, devices-revoke, then the request form's and the
// lookup's (scripted_request_screens.h) and Help's (scripted_help_screens.h)
const std::vector<std::string>& scripted_screen_names();

// The app's worker must have loaded the services first. Returns the moment
// to draw the screen at (later than `now`: the script's taps took time).
Result<EpochMs> script_screen(CustomerApp& app, const std::string& name, const std::string& data_dir, EpochMs now);

}  // namespace kiosk::customer
