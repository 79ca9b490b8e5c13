// Due days and next tries of follow-up calls (followup_calendar.h).
#include "hq/followup_calendar.h"

namespace kiosk::hq {
namespace {

constexpr EpochMs kHourMs = 3'600'000;
constexpr EpochMs kRetryAfter = 2 * kHourMs;
constexpr EpochMs kLastTryHour = 17 * kHourMs, kFirstTryHour = 9 * kHourMs;

bool working(const FollowupSettings& settings, const std::string& day) {
  const int weekday = weekday_of(day);
  return weekday >= 0 && settings.working_days[static_cast<std::size_t>(weekday)];
}

// The first working day after `day` (the day after it when none is working:
// the settings refuse that).
std::string next_working_day(const FollowupSettings& settings, const std::string& day) {
  for (int ahead = 1; ahead <= 7; ++ahead)
    if (const std::string next = days_after(day, ahead); working(settings, next)) return next;
  return days_after(day, 1);
}

}  // namespace

std::string followup_due_day(const FollowupSettings& settings, const StoreTimeZone& zone, EpochMs done_at,
                             bool complaint) {
  std::string day = zone.business_day(done_at);
  if (complaint) return day;
  for (std::int64_t n = 0; n < settings.due_days; ++n) day = next_working_day(settings, day);
  return day;
}

EpochMs followup_next_try(const FollowupSettings& settings, const StoreTimeZone& zone, EpochMs now) {
  const std::string today = zone.business_day(now);
  const EpochMs later = now + kRetryAfter;
  if (zone.business_day(later) == today && later - zone.day_start(today) <= kLastTryHour) return later;
  return zone.day_start(next_working_day(settings, today)) + kFirstTryHour;
}

StoreTimeZone store_zone_or_default(const std::string& name) {
  Result<StoreTimeZone> zone = StoreTimeZone::load(name);
  return zone ? zone.value() : StoreTimeZone::load("Asia/Shanghai").value();
}

}  // namespace kiosk::hq
