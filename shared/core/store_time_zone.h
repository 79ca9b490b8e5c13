// The store's local time: which business day a moment belongs to, when that day
// starts, and local dates for display. Backed by the system's IANA zone database
// through CCTZ (thread-safe, no TZ environment games).
#pragma once

#include <string>

#include "core/clock.h"
#include "core/result.h"

namespace kiosk {

class StoreTimeZone {
 public:
  // Loads an IANA zone such as "Asia/Shanghai"; refuses names the system lacks.
  static Result<StoreTimeZone> load(const std::string& iana_name);

  const std::string& name() const { return name_; }

  // The business day (local calendar date, "YYYY-MM-DD") that contains `t`.
  // A business day starts at the store's local midnight.
  std::string business_day(EpochMs t) const;

  // The first instant of a business day. Where local midnight does not exist
  // (a daylight-saving gap), the day starts at the first instant after the gap.
  EpochMs day_start(const std::string& day) const;

  // Local wall-clock time of `t` as "YYYY-MM-DD HH:MM".
  std::string local_minute(EpochMs t) const;

 private:
  explicit StoreTimeZone(std::string name) : name_(std::move(name)) {}
  std::string name_;
};

// True when `text` is a valid calendar date written as YYYY-MM-DD.
bool is_calendar_date(const std::string& text);

// The calendar date `days` after `date` (before it when negative); "" when
// `date` is not a date.
std::string days_after(const std::string& date, int days);

// 0 Sunday .. 6 Saturday of a YYYY-MM-DD date; -1 when it is not a date.
int weekday_of(const std::string& date);

}  // namespace kiosk
