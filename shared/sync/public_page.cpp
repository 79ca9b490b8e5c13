// Reading the public page settings from hq_config.
#include "sync/public_page.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/storage_guard.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxUrlBytes = 512;

// An address as HQ's `hq public set` accepts it: http(s)://HOST[...], printable
// ASCII without spaces, no trailing '/'. Anything else is no address.
bool usable_url(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  const std::size_t host_at = url.find("://") + 3;
  return scheme && url.size() > host_at && url.size() <= kMaxUrlBytes && url.back() != '/' &&
         std::all_of(url.begin(), url.end(), [](char c) { return c > ' ' && c < 127; });
}

}  // namespace

Result<PublicPage> read_public_page(Database& db) {
  return storage_guarded([&]() -> Result<PublicPage> {
    Statement& q = db.prepare("SELECT data FROM hq_config WHERE kind = 'public_page' AND key = 'settings'");
    const std::string data = q.step() ? q.text(0) : std::string();
    q.reset();
    const nlohmann::json settings = nlohmann::json::parse(data, nullptr, /*allow_exceptions=*/false);
    PublicPage page;
    if (!settings.is_object()) return page;
    if (settings.contains("public_url") && settings["public_url"].is_string()) {
      const std::string url = settings["public_url"].get<std::string>();
      if (usable_url(url)) page.public_url = url;
    }
    page.reminders = settings.contains("reminders") && settings["reminders"] == true;
    return page;
  });
}

PublicPage public_page_or_none(Database& db) {
  Result<PublicPage> page = read_public_page(db);
  return page ? page.value() : PublicPage{};
}

std::string ticket_page_url(const PublicPage& page, const std::string& token) {
  return page.has_page() && !token.empty() ? page.public_url + "/t/" + token : std::string();
}

std::string request_lookup_url(const PublicPage& page, const std::string& code) {
  return page.has_page() ? page.public_url + "/r/?code=" + code : std::string();
}

}  // namespace kiosk
