// The help articles' part of the console's API (docs/help-articles.md, "At
// HQ"; docs/hq-console.md, "Admin"): every role reads the articles, an admin
// changes one, imports lines and exports them. Changes are CSRF-checked and
// audited in their transaction, as the other admin routes' (hq/kb_articles.h).
#pragma once

#include <httplib.h>

#include <map>
#include <string>

#include "hq/console_guard.h"

namespace kiosk::hq {

// The most an import's lines may hold.
constexpr std::size_t kMaxKbImportBytes = 512 * 1024;

// Adds the routes under `prefix`, and each path's methods to `allowed` (for 405).
void add_kb_routes(httplib::Server& server, std::map<std::string, std::string>& allowed, const std::string& prefix,
                   const ConsoleGuard& guard);

}  // namespace kiosk::hq
