// The console's pages, served by hq under /console/: assets/console (HTML,
// CSS, ES modules, its texts in i18n.json) and Chart.js from Debian's
// libjs-chart.js, all from this machine; with headers that keep the pages
// from being framed or fed another site's scripts.
#pragma once

#include <httplib.h>

#include <string>

namespace kiosk::hq {

// Mounts the pages; "/" and "/console" lead to them. Returns false (and says
// why on stderr) when the pages' directory is missing: the API still works.
bool mount_console_pages(httplib::Server& server);

}  // namespace kiosk::hq
