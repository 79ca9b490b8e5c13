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
#include "hq/hq_db.h"

namespace kiosk::hq {

class ConsoleApi {
 public:
  using ThreadDb = std::function<Result<HqDb*>()>;  // this handler thread's connection
  ConsoleApi(ThreadDb thread_db, const Clock& clock, SessionRules rules = {})
      : thread_db_(std::move(thread_db)), clock_(clock), rules_(rules) {}

  // Adds the routes, and each path's methods to `allowed` (for 405).
  void add_routes(httplib::Server& server, std::map<std::string, std::string>& allowed);

 private:
  ThreadDb thread_db_;
  const Clock& clock_;
  SessionRules rules_;
};

}  // namespace kiosk::hq
