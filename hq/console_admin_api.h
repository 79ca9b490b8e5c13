// The admin's part of the console's API (docs/hq-console.md, "Admin"):
// stores, devices with their health and revocation, staff with PINs, the
// service and product catalogues (edit, import, export), console users and
// the settings.
// Every change is the admin's (CSRF-checked) and audited in its transaction.
#pragma once

#include <httplib.h>

#include <map>
#include <string>

#include "hq/console_guard.h"

namespace kiosk::hq {

// Adds the routes under `prefix`, and each path's methods to `allowed` (for 405).
void add_admin_routes(httplib::Server& server, std::map<std::string, std::string>& allowed, const std::string& prefix,
                      const ConsoleGuard& guard);

}  // namespace kiosk::hq
