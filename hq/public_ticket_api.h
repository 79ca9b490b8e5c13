// The ticket page's API (docs/public-pages.md, "Ticket page"), public and
// without a login: GET /t/{token}/status, what the phone shows of its ticket
// (with an ETag: an unchanged ticket is 304), and POST /t/{token}/rating, the
// visit's one rating, stored as a `rating` record of the store as if its
// kiosk had uploaded it. Unknown tokens count as guesses in the limit every
// public guess shares (past 20 a minute from one address, or 600 overall,
// 429 slowed-down); one address may poll 600 times a minute. Nothing in an
// answer names the customer.
#pragma once

#include <httplib.h>

#include <functional>

#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "hq/public_guard.h"

namespace kiosk::hq {

class PublicTicketApi {
 public:
  // `guesses` (the request lookup's too) and `clock` must outlive the server.
  PublicTicketApi(PublicThreadDb thread_db, const Clock& clock, MinuteLimit& guesses)
      : thread_db_(std::move(thread_db)), clock_(clock), guesses_(guesses) {}

  void add_routes(httplib::Server& server);

 private:
  void status(const httplib::Request& req, httplib::Response& res);
  void rate(const httplib::Request& req, httplib::Response& res);
  PublicThreadDb thread_db_;
  const Clock& clock_;
  MinuteLimit& guesses_;             // tokens that matched nothing
  MinuteLimit polls_{600, 300'000};  // every status request (10,000 pages polling every 2 s)
};

}  // namespace kiosk::hq
