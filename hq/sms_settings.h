// The SMS gateway HQ sends reminders through (docs/public-pages.md, "SMS
// reminders"; settings in table public_setting): its webhook address, Basic
// authentication, the templates and the daily cap per phone number; and the
// `hq sms set|off|show` commands that change and show them. Each change is
// audited (actor "cli") and tells every store in the same transaction whether
// reminders can be offered (publish_public_page).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/command_line.h"
#include "core/result.h"
#include "hq/hq_db.h"
#include "hq/sms_template.h"

namespace kiosk::hq {

constexpr std::int64_t kDefaultSmsDailyCap = 5, kMaxSmsDailyCap = 50;

struct SmsSettings {
  std::string url;  // "" when no gateway is set: nothing is created or sent
  std::string user, password;
  std::string near_zh, near_en, called_zh, called_en;  // the defaults where none is set
  std::int64_t daily_cap = kDefaultSmsDailyCap;
  std::string public_url;  // HQ's public address, "" when unset

  const std::string& text_for(SmsMoment moment, const std::string& language) const;
};

SmsSettings read_sms_settings(HqDb& db);

// Why `url` cannot be the gateway's address (nullopt: it can): http(s), a
// host, no user or password in it (--user, --password), no spaces, at most
// 500 bytes.
std::optional<std::string> why_not_sms_url(const std::string& url);

// `hq sms set|off|show` (the words after "sms" and their options).
// `read_secret_file` reads a password's file ("-": stdin) for --password-file.
Result<nlohmann::ordered_json> run_sms_command(CommandLine& cl, HqDb& db, EpochMs now,
                                               const std::function<std::string(const std::string&)>& read_secret_file);

}  // namespace kiosk::hq
