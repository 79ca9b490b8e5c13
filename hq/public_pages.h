// The customer's phone pages' files (docs/public-pages.md): assets/public/
// under /p/, the ticket page at /t/TOKEN, the request lookup at /r/ and a help
// article at /k/ID, every answer with the public headers (public_guard.h). The
// pages' APIs are the routes of public_ticket_api.h, public_request_api.h and
// public_article.h.
#pragma once

#include <httplib.h>

namespace kiosk::hq {

// false (and said on stderr) when the pages are not installed: their APIs still work.
bool mount_public_pages(httplib::Server& server);

}  // namespace kiosk::hq
