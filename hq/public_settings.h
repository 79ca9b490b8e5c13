// HQ's public settings (docs/public-pages.md): its public address, under which
// phones open ticket pages (`/t/TOKEN`) and request lookups (`/r/`), and the
// SMS gateway that sends "your turn is near" reminders. Stores learn what they
// may promise through one feed change, `public_page`: the address for the QR
// codes they print, and whether a reminder can be sent at all.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "hq/hq_db.h"

namespace kiosk::hq {

// The names in table public_setting.
namespace public_setting {
inline constexpr const char* kPublicUrl = "public_url";
inline constexpr const char* kSmsUrl = "sms_url";
inline constexpr const char* kSmsUser = "sms_user";
inline constexpr const char* kSmsPassword = "sms_password";
// One template per moment (near, called) and language (hq/sms_template.h).
inline constexpr const char* kSmsTemplateNearZh = "sms_template_near_zh";
inline constexpr const char* kSmsTemplateNearEn = "sms_template_near_en";
inline constexpr const char* kSmsTemplateCalledZh = "sms_template_called_zh";
inline constexpr const char* kSmsTemplateCalledEn = "sms_template_called_en";
inline constexpr const char* kSmsDailyCap = "sms_daily_cap";
}  // namespace public_setting

// nullopt when unset.
std::optional<std::string> read_public_setting(HqDb& db, const std::string& name);
// Call inside a write transaction; an empty value removes the setting.
void write_public_setting(HqDb& db, const std::string& name, const std::string& value, EpochMs now);

// Why `url` cannot be HQ's public address (nullopt: it can): http or https,
// a host, an optional port and path, no query, fragment or user, no trailing
// slash, at most 200 bytes.
std::optional<std::string> why_not_public_url(const std::string& url);

// What the `public_page` change says: {"public_url": "..." or null,
// "reminders": true when an SMS gateway is configured too}.
nlohmann::ordered_json public_page_data(HqDb& db);

// Appends the `public_page` change every store reads: {"public_url": "..." or
// null, "reminders": true when an SMS gateway is configured}. Call inside the
// write transaction that changed a setting.
void publish_public_page(HqDb& db, EpochMs now);

}  // namespace kiosk::hq
