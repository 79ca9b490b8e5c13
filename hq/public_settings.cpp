// HQ's public settings and the feed change that tells stores about them (public_settings.h).
#include "hq/public_settings.h"

#include <regex>

namespace kiosk::hq {

std::optional<std::string> read_public_setting(HqDb& db, const std::string& name) {
  std::optional<std::string> value;
  db.first("SELECT value FROM public_setting WHERE name = ?1", {name}, [&](const SqlRow& row) { value = row.text(0); });
  return value;
}

void write_public_setting(HqDb& db, const std::string& name, const std::string& value, EpochMs now) {
  if (value.empty()) {
    db.run("DELETE FROM public_setting WHERE name = ?1", {name});
    return;
  }
  db.run(
      "INSERT INTO public_setting(name, value, updated_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {name, value, now});
}

std::optional<std::string> why_not_public_url(const std::string& url) {
  if (url.size() > 200) return "the public address is over 200 bytes";
  static const std::regex kUrl(R"(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?)");
  if (!std::regex_match(url, kUrl))
    return "the public address must be http(s)://HOST[:PORT][/PATH], with no query, fragment or user (got \"" + url +
           "\")";
  if (url.back() == '/') return "the public address must not end with / (got \"" + url + "\")";
  return std::nullopt;
}

nlohmann::ordered_json public_page_data(HqDb& db) {
  const std::optional<std::string> url = read_public_setting(db, public_setting::kPublicUrl);
  const bool reminders = url && read_public_setting(db, public_setting::kSmsUrl).has_value();
  return nlohmann::ordered_json{{"public_url", url ? nlohmann::ordered_json(*url) : nlohmann::ordered_json(nullptr)},
                                {"reminders", reminders}};
}

void publish_public_page(HqDb& db, EpochMs now) {
  db.append_change(std::nullopt, "public_page", "settings", public_page_data(db), now, std::nullopt);
}

}  // namespace kiosk::hq
