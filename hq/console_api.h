// The console's JSON API under /api/console/v1/ (docs/hq-console.md): login
// and sessions by cookie, CSRF on every change, each role's part of it (403
// otherwise), and the reports. Device tokens never open it; its cookie never
// opens the sync API (which takes only a device's bearer token).
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "hq/console_auth.h"
#include "hq/console_guard.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

class ConsoleApi {
 public:
  ConsoleApi(ConsoleGuard::ThreadDb thread_db, const Clock& clock, SessionRules rules = {})
      : guard_(std::move(thread_db), clock, rules) {}

  // Adds the routes, and each path's methods to `allowed` (for 405).
  void add_routes(httplib::Server& server, std::map<std::string, std::string>& allowed);

 private:
  ConsoleGuard guard_;
};

}  // namespace kiosk::hq
