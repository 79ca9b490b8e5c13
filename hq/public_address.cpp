// HQ's public address, set and shown (public_address.h).
#include "hq/public_address.h"

#include "hq/console_audit.h"
#include "hq/public_settings.h"

namespace kiosk::hq {

using json = nlohmann::ordered_json;

Result<json> public_address(HqDb& db) {
  return hq_guarded([&]() -> Result<json> { return public_page_data(db); });
}

Result<json> set_public_address(HqDb& db, const std::string& url, const std::string& actor, EpochMs now) {
  if (!url.empty())
    if (const std::optional<std::string> why = why_not_public_url(url)) return invalid_argument(*why, "bad-public-url");
  return hq_guarded([&] {
    return db.write([&]() -> Result<json> {
      write_public_setting(db, public_setting::kPublicUrl, url, now);
      publish_public_page(db, now);
      record_audit(db, now, actor, "settings-change", "public_url",
                   json{{"public_url", url.empty() ? json(nullptr) : json(url)}});
      return public_page_data(db);
    });
  });
}

}  // namespace kiosk::hq
