// The console's static pages (console_pages.h).
#include "hq/console_pages.h"

#include <cstdio>
#include <filesystem>

#include "core/install_dirs.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the source tree's assets/"
#endif

namespace kiosk::hq {
namespace {

// Debian's libjs-chart.js.
constexpr const char* kChartJsDir = "/usr/share/javascript/chart.js";

const httplib::Headers& page_headers() {
  static const httplib::Headers headers{
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-cache"},
  };
  return headers;
}

}  // namespace

bool mount_console_pages(httplib::Server& server) {
  const std::string assets = data_dir_for("KIOSK_ASSETS_DIR", "assets", KIOSK_ASSETS_DIR);
  const std::string pages = assets + "/console";
  if (!std::filesystem::is_directory(pages)) {
    std::fprintf(stderr, "hq: no console pages at %s; the console's API works, its pages do not\n", pages.c_str());
    return false;
  }
  server.set_mount_point("/console/", pages, page_headers());
  if (!server.set_mount_point("/console/lib/chart.js/", kChartJsDir, page_headers()))
    std::fprintf(stderr, "hq: no Chart.js at %s (install libjs-chart.js); the console draws no charts\n", kChartJsDir);
  for (const char* entry : {"/", "/console"})
    server.Get(entry, [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/console/"); });
  return true;
}

}  // namespace kiosk::hq
