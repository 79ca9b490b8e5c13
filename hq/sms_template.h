// The texts of SMS reminders (docs/public-pages.md, "SMS reminders"): two
// moments, `near` (3 or fewer ahead: come back) and `called` (go to counter
// N), each with a template per language (zh, en). A template takes the
// placeholders {ticket} {store} {counter} {ahead} {url}; {counter} only in a
// `called` template (a waiting ticket has no counter yet).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::hq {

enum class SmsMoment { Near, Called };

const char* moment_name(SmsMoment moment);  // "near" | "called"
// The template that applies when none is set.
const char* default_sms_template(SmsMoment moment, const std::string& language);

// Why `text` cannot be the template of `moment` in `language` (nullopt: it
// can): one line of at most 300 characters, placeholders only those above.
std::optional<std::string> why_not_sms_template(SmsMoment moment, const std::string& language, const std::string& text);

struct SmsFacts {
  std::string ticket;  // the label, "A012"
  std::string store;   // the store's name
  std::optional<std::int64_t> counter;
  std::optional<std::int64_t> ahead;
  std::string url;  // the ticket page, "" without a public address
};

// The text with its placeholders filled (an unknown value as ""), spaces at
// either end trimmed.
std::string render_sms(const std::string& text, const SmsFacts& facts);

}  // namespace kiosk::hq
