// The SMS gateway's settings and the `hq sms` commands (sms_settings.h).
#include "hq/sms_settings.h"

#include <charconv>
#include <map>
#include <regex>
#include <vector>

#include "core/text.h"
#include "hq/console_audit.h"
#include "hq/public_settings.h"

namespace kiosk::hq {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxUserChars = 100, kMaxPasswordChars = 200, kMaxUrlBytes = 500;
constexpr EpochMs kDayMs = 24 * 3600 * 1000;

// A template's setting, by moment and language.
struct TemplateSetting {
  SmsMoment moment;
  const char* language;
  const char* name;    // in public_setting
  const char* option;  // of hq sms set
};
constexpr TemplateSetting kTemplates[] = {
    {SmsMoment::Near, "zh", public_setting::kSmsTemplateNearZh, "template-near-zh"},
    {SmsMoment::Near, "en", public_setting::kSmsTemplateNearEn, "template-near-en"},
    {SmsMoment::Called, "zh", public_setting::kSmsTemplateCalledZh, "template-called-zh"},
    {SmsMoment::Called, "en", public_setting::kSmsTemplateCalledEn, "template-called-en"},
};

// The template field of `s` (const or not) for a moment and language.
template <class Settings>
auto& template_of(Settings& s, SmsMoment moment, const std::string& language) {
  if (moment == SmsMoment::Near) return language == "en" ? s.near_en : s.near_zh;
  return language == "en" ? s.called_en : s.called_zh;
}

Json or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// What `hq sms show` prints: the settings (the password hidden) and the
// messages of the last 24 hours by outcome.
Json overview(HqDb& db, EpochMs now) {
  const SmsSettings s = read_sms_settings(db);
  Json gateway = nullptr;
  if (!s.url.empty())
    gateway = Json{{"url", s.url}, {"user", or_null(s.user)}, {"password", s.password.empty() ? Json() : "(hidden)"}};
  Json templates = Json::object();
  for (const TemplateSetting& t : kTemplates)
    templates[moment_name(t.moment)][t.language] = s.text_for(t.moment, t.language);
  Json counts{{"pending", 0}, {"sent", 0}, {"failed", 0}, {"capped", 0}, {"skipped", 0}};
  db.each("SELECT outcome, COUNT(*) FROM sms_message WHERE created_at > ?1 GROUP BY outcome", {now - kDayMs},
          [&](const SqlRow& row) { counts[row.text(0)] = row.int64(1); });
  return Json{{"gateway", gateway},
              {"daily_cap", s.daily_cap},
              {"templates", templates},
              {"public_url", or_null(s.public_url)},
              {"reminders", !s.url.empty() && !s.public_url.empty()},
              {"last_24h", counts}};
}

// What `hq sms set` was given: each setting to write ("" removes it), by name.
using Changes = std::map<std::string, std::string>;

Result<Changes> read_set_options(CommandLine& cl, HqDb& db,
                                 const std::function<std::string(const std::string&)>& read_secret_file) {
  const SmsSettings now = read_sms_settings(db);
  Changes changes;
  const std::optional<std::string> url = cl.optional("url"), user = cl.optional("user");
  const std::optional<std::string> password = cl.optional("password"), password_file = cl.optional("password-file");
  std::optional<std::string> daily_cap;
  if (cl.optional("daily-cap")) daily_cap = std::to_string(cl.required_int("daily-cap", 1, int(kMaxSmsDailyCap)));
  std::map<const TemplateSetting*, std::string> templates;
  for (const TemplateSetting& t : kTemplates)
    if (std::optional<std::string> text = cl.optional(t.option)) templates[&t] = *text;
  cl.finish();

  if (url) {
    if (std::optional<std::string> problem = why_not_sms_url(*url)) return invalid_argument(*problem, "bad-sms-url");
    changes[public_setting::kSmsUrl] = *url;
  } else if (now.url.empty()) {
    return invalid_argument("no SMS gateway is set: give its address with --url", "no-sms-gateway");
  }
  if (password && password_file)
    return invalid_argument("give the password once: --password or --password-file", "bad-sms-password");
  std::optional<std::string> secret = password_file ? std::optional(read_secret_file(*password_file)) : password;
  if (user) {
    if (!user->empty()) {
      if (auto problem = check_single_line("the gateway's user", *user, kMaxUserChars))
        return invalid_argument(*problem, "bad-sms-user");
      if (user->find(':') != std::string::npos)
        return invalid_argument("the gateway's user cannot contain ':' (Basic authentication)", "bad-sms-user");
      if (!secret) return invalid_argument("--user needs --password or --password-file", "bad-sms-password");
    } else if (secret) {
      return invalid_argument("--user \"\" removes the user and its password: give no password with it",
                              "bad-sms-password");
    }
    changes[public_setting::kSmsUser] = *user;
    changes[public_setting::kSmsPassword] = secret.value_or("");
  } else if (secret && now.user.empty()) {
    return invalid_argument("a password needs a user: give --user too", "bad-sms-password");
  }
  if (secret) {
    if (auto problem = check_single_line("the gateway's password", *secret, kMaxPasswordChars))
      return invalid_argument(*problem, "bad-sms-password");
    changes[public_setting::kSmsPassword] = *secret;
  }
  for (const auto& [setting, text] : templates) {
    if (!text.empty())
      if (auto problem = why_not_sms_template(setting->moment, setting->language, text))
        return invalid_argument(*problem, "bad-sms-template");
    changes[setting->name] = text;  // "" goes back to the default
  }
  if (daily_cap) changes[public_setting::kSmsDailyCap] = *daily_cap;
  if (changes.empty())
    return invalid_argument(
        "nothing to change: give --url, --user, --password(-file), --template-near-zh, "
        "--template-near-en, --template-called-zh, --template-called-en or --daily-cap",
        "nothing-to-change");
  return changes;
}

// Writes `changes` with their audit entry and the stores' `public_page` change, in one transaction.
Json apply(HqDb& db, const Changes& changes, const std::string& action, EpochMs now) {
  return db.write([&] {
    Json names = Json::array();
    for (const auto& [name, value] : changes) {
      write_public_setting(db, name, value, now);
      names.push_back(name);
    }
    Json detail{{"settings", names}};
    if (const auto url = changes.find(public_setting::kSmsUrl); url != changes.end()) detail["url"] = url->second;
    record_audit(db, now, "cli", action, "sms-gateway", detail);
    publish_public_page(db, now);
    return overview(db, now);
  });
}

}  // namespace

const std::string& SmsSettings::text_for(SmsMoment moment, const std::string& language) const {
  return template_of(*this, moment, language);
}

SmsSettings read_sms_settings(HqDb& db) {
  std::map<std::string, std::string> values;
  db.each("SELECT name, value FROM public_setting", {}, [&](const SqlRow& row) { values[row.text(0)] = row.text(1); });
  const auto value = [&](const char* name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
  };
  SmsSettings s;
  s.url = value(public_setting::kSmsUrl);
  s.user = value(public_setting::kSmsUser);
  s.password = value(public_setting::kSmsPassword);
  s.public_url = value(public_setting::kPublicUrl);
  for (const TemplateSetting& t : kTemplates) {
    const std::string text = value(t.name);
    template_of(s, t.moment, t.language) = text.empty() ? default_sms_template(t.moment, t.language) : text;
  }
  const std::string cap = value(public_setting::kSmsDailyCap);
  std::int64_t daily_cap = 0;
  const auto [end, error] = std::from_chars(cap.data(), cap.data() + cap.size(), daily_cap);
  if (error == std::errc() && end == cap.data() + cap.size() && daily_cap >= 1 && daily_cap <= kMaxSmsDailyCap)
    s.daily_cap = daily_cap;
  return s;
}

std::optional<std::string> why_not_sms_url(const std::string& url) {
  if (url.size() > kMaxUrlBytes) return "the gateway's address is over " + std::to_string(kMaxUrlBytes) + " bytes";
  static const std::regex kUrl(R"(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?][!-~]*)?)");
  if (!std::regex_match(url, kUrl))
    return "the gateway's address must be http(s)://HOST[:PORT][/PATH][?QUERY], with no spaces and no user or "
           "password in it (--user, --password) (got \"" +
           url + "\")";
  return std::nullopt;
}

Result<Json> run_sms_command(CommandLine& cl, HqDb& db, EpochMs now,
                             const std::function<std::string(const std::string&)>& read_secret_file) {
  const std::string what = cl.word("sms set|off|show");
  if (what != "set" && what != "off" && what != "show") throw UsageError("unknown sms command \"" + what + "\"");
  return hq_guarded([&]() -> Result<Json> {
    if (what == "show") {
      cl.finish();
      return overview(db, now);
    }
    if (what == "off") {
      cl.finish();
      if (read_sms_settings(db).url.empty()) return overview(db, now);
      return apply(
          db,
          Changes{{public_setting::kSmsUrl, ""}, {public_setting::kSmsUser, ""}, {public_setting::kSmsPassword, ""}},
          "sms-off", now);
    }
    Result<Changes> changes = read_set_options(cl, db, read_secret_file);
    if (!changes) return changes.error();
    return apply(db, changes.value(), "sms-set", now);
  });
}

}  // namespace kiosk::hq
