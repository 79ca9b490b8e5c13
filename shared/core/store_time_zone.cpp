// StoreTimeZone over CCTZ: zone loading, business-day arithmetic across DST.
#include "core/store_time_zone.h"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <chrono>
#include <cstdio>

namespace kiosk {
namespace {

using SysMs = std::chrono::time_point<std::chrono::system_clock, std::chrono::milliseconds>;

cctz::time_zone zone_of(const std::string& name) {
  cctz::time_zone tz;
  cctz::load_time_zone(name, &tz);  // validated in StoreTimeZone::load
  return tz;
}

SysMs to_time_point(EpochMs t) { return SysMs(std::chrono::milliseconds(t)); }

// YYYY-MM-DD, digits and dashes exactly (HQ checks every uploaded ticket's day:
// no sscanf on that path).
bool parse_day(const std::string& text, cctz::civil_day* out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto number = [&](std::size_t from, std::size_t count, int* value) {
    *value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      *value = *value * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!number(0, 4, &y) || !number(5, 2, &m) || !number(8, 2, &d)) return false;
  cctz::civil_day day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) return false;  // normalised: 2026-02-30
  *out = day;
  return true;
}

std::string day_text(const cctz::civil_day& day) {
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(day.year()), day.month(), day.day());
  return text;
}

}  // namespace

Result<StoreTimeZone> StoreTimeZone::load(const std::string& iana_name) {
  cctz::time_zone tz;
  // load_time_zone falls back to UTC on failure; accept "UTC" only when asked for.
  if (iana_name.empty() || !cctz::load_time_zone(iana_name, &tz)) {
    return invalid_argument("unknown time zone \"" + iana_name + "\" (expected an IANA name such as Asia/Shanghai)");
  }
  return StoreTimeZone(iana_name);
}

std::string StoreTimeZone::business_day(EpochMs t) const {
  return day_text(
      cctz::civil_day(cctz::convert(std::chrono::time_point_cast<cctz::seconds>(to_time_point(t)), zone_of(name_))));
}

EpochMs StoreTimeZone::day_start(const std::string& day_text) const {
  cctz::civil_day day;
  if (!parse_day(day_text, &day)) return 0;
  const cctz::time_zone tz = zone_of(name_);
  const cctz::time_zone::civil_lookup lookup = tz.lookup(cctz::civil_second(day));
  // In a gap (midnight skipped), `trans` is the instant the day really begins.
  const auto start = lookup.kind == cctz::time_zone::civil_lookup::SKIPPED ? lookup.trans : lookup.pre;
  return std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch()).count();
}

std::string StoreTimeZone::local_minute(EpochMs t) const {
  const cctz::civil_minute m =
      cctz::civil_minute(cctz::convert(std::chrono::time_point_cast<cctz::seconds>(to_time_point(t)), zone_of(name_)));
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", static_cast<int>(m.year()), m.month(), m.day(), m.hour(),
                m.minute());
  return text;
}

bool is_calendar_date(const std::string& text) {
  cctz::civil_day day;
  return parse_day(text, &day);
}

std::string days_after(const std::string& date, int days) {
  cctz::civil_day day;
  if (!parse_day(date, &day)) return "";
  return day_text(day + days);
}

int weekday_of(const std::string& date) {
  cctz::civil_day day;
  if (!parse_day(date, &day)) return -1;
  return (static_cast<int>(cctz::get_weekday(day)) + 1) % 7;  // cctz counts from Monday
}

}  // namespace kiosk
