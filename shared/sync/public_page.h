// HQ's public page settings as this store last received them through the
// change feed (kind `public_page`, key `settings`, kept in hq_config; see
// docs/public-pages.md): the address phones reach HQ at, and whether HQ sends
// text reminders. What the kiosk's QR codes hold and whether it offers a
// reminder follow from them. A store that never heard of them, or holds a
// value it cannot use, has no page and no reminders.
#pragma once

#include <string>

#include "core/result.h"
#include "store/sqlite.h"

namespace kiosk {

struct PublicPage {
  std::string public_url;  // "https://q.example.com" (no trailing '/'); empty: none
  bool reminders = false;  // HQ texts a reminder to a phone given with a ticket
  bool has_page() const { return !public_url.empty(); }
};

// A "storage" error when the database cannot be read.
Result<PublicPage> read_public_page(Database& db);

// The settings, or none (no page, no reminders) when they cannot be read: a
// kiosk then promises nothing.
PublicPage public_page_or_none(Database& db);

// "{public_url}/t/{token}": the ticket's page on the customer's phone; empty
// without a public address.
std::string ticket_page_url(const PublicPage& page, const std::string& token);

// "{public_url}/r/?code={code}": the phone's request lookup with the code
// filled in; empty without a public address.
std::string request_lookup_url(const PublicPage& page, const std::string& code);

}  // namespace kiosk
