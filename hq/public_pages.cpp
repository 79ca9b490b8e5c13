// The phone pages' files (public_pages.h).
#include "hq/public_pages.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/install_dirs.h"
#include "hq/public_guard.h"

#ifndef KIOSK_ASSETS_DIR
#error "KIOSK_ASSETS_DIR must name the source tree's assets/"
#endif

namespace kiosk::hq {
namespace {

const httplib::Headers& file_headers() {
  static const httplib::Headers headers = [] {
    httplib::Response res;
    set_public_headers(res);
    httplib::Headers all = res.headers;
    all.emplace("Cache-Control", "no-cache");
    return all;
  }();
  return headers;
}

// One page, read once: every ticket's page is the same file.
void serve_page(httplib::Server& server, const std::string& pattern, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto page = std::make_shared<const std::string>(text.str());
  server.Get(pattern, [page](const httplib::Request&, httplib::Response& res) {
    for (const auto& [name, value] : file_headers()) res.set_header(name, value);
    res.set_content(*page, "text/html; charset=utf-8");
  });
}

}  // namespace

bool mount_public_pages(httplib::Server& server) {
  const std::string pages = data_dir_for("KIOSK_ASSETS_DIR", "assets", KIOSK_ASSETS_DIR) + "/public";
  if (!std::filesystem::is_directory(pages)) {
    std::fprintf(stderr, "hq: no phone pages at %s; their APIs work, the pages do not\n", pages.c_str());
    return false;
  }
  server.set_mount_point("/p/", pages, file_headers());
  serve_page(server, R"(/t/[A-Za-z0-9]{1,64})", pages + "/ticket.html");
  serve_page(server, "/r/", pages + "/request.html");
  serve_page(server, R"(/k/[^/]+)", pages + "/article.html");
  server.Get("/r", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/r/"); });
  return true;
}

}  // namespace kiosk::hq
