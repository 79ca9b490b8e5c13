// The request lookup's API for phones (docs/public-pages.md, "Request
// lookup"): POST /r/lookup {"code", "last_four"} and POST /r/rating {"code",
// "last_four", "score", "reasons", "comment"}, with the public headers
// (public_guard.h). Format errors are 400 and not counted; a code and digits
// that match nothing count against the slow-down (public_request_lookup.h)
// and against `guesses`, the per-minute limit per address and overall that
// every public guess shares in this hq process (docs/public-pages.md,
// "Abuse"). The page itself is assets/public/request.html (public_pages.h).
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <string>

#include "codec/api_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "hq/public_guard.h"
#include "requests/request_rating.h"

namespace kiosk::hq {

// The rating's score, reasons and comment as a phone sent them (BadRequest
// names a malformed field); the rules (check_rating_input) judge them before
// anything is looked up.
RatingInput phone_rating_from(const JsonBody& body);

// Adds the two routes, and their methods to `allowed` (for 405). `guesses`
// and `clock` must outlive the server.
void add_public_request_routes(httplib::Server& server, std::map<std::string, std::string>& allowed,
                               PublicThreadDb thread_db, const Clock& clock, MinuteLimit& guesses);

}  // namespace kiosk::hq
