// Business days in the store's IANA zone: midnight boundaries, daylight saving
// (a 23-hour day, a 25-hour day, a skipped midnight), and bad zone names.
#include <doctest/doctest.h>

#include "core/store_time_zone.h"
#include "support/test_store.h"

using kiosk::days_after;
using kiosk::StoreTimeZone;
using kiosk::weekday_of;
using kiosk::test::utc_ms;

TEST_CASE("Asia/Shanghai business day turns at local midnight (UTC 16:00)") {
  const StoreTimeZone zone = StoreTimeZone::load("Asia/Shanghai").value();
  CHECK(zone.business_day(utc_ms(2026, 11, 22, 15, 59, 59)) == "2026-11-22");
  CHECK(zone.business_day(utc_ms(2026, 11, 22, 16, 0, 0)) == "2026-11-23");
  CHECK(zone.day_start("2026-11-23") == utc_ms(2026, 11, 22, 16, 0, 0));
  CHECK(zone.local_minute(utc_ms(2026, 11, 22, 16, 5)) == "2026-11-23 00:05");
}

TEST_CASE("America/New_York: days around both daylight-saving changes") {
  const StoreTimeZone zone = StoreTimeZone::load("America/New_York").value();
  // Spring forward on 2026-03-08 at 02:00 EST: a 23-hour day.
  CHECK(zone.day_start("2026-03-08") == utc_ms(2026, 3, 8, 5, 0));  // midnight EST
  CHECK(zone.day_start("2026-03-09") == utc_ms(2026, 3, 9, 4, 0));  // midnight EDT
  CHECK(zone.day_start("2026-03-09") - zone.day_start("2026-03-08") == 23LL * 3600 * 1000);
  // Fall back on 2026-11-01 at 02:00 EDT: a 25-hour day; 01:30 happens twice.
  CHECK(zone.business_day(utc_ms(2026, 11, 1, 5, 30)) == "2026-11-01");  // 01:30 EDT
  CHECK(zone.business_day(utc_ms(2026, 11, 1, 6, 30)) == "2026-11-01");  // 01:30 EST
  CHECK(zone.day_start("2026-11-02") - zone.day_start("2026-11-01") == 25LL * 3600 * 1000);
  CHECK(zone.business_day(utc_ms(2026, 11, 2, 4, 59, 59)) == "2026-11-01");
  CHECK(zone.business_day(utc_ms(2026, 11, 2, 5, 0, 0)) == "2026-11-02");
}

TEST_CASE("a day whose midnight is skipped starts at the end of the gap") {
  // Sao Paulo moved clocks from 00:00 to 01:00 on 2018-11-04.
  const StoreTimeZone zone = StoreTimeZone::load("America/Sao_Paulo").value();
  CHECK(zone.day_start("2018-11-04") == utc_ms(2018, 11, 4, 3, 0));  // 01:00 -02
  CHECK(zone.business_day(utc_ms(2018, 11, 4, 2, 59, 59)) == "2018-11-03");
  CHECK(zone.business_day(utc_ms(2018, 11, 4, 3, 0, 0)) == "2018-11-04");
}

TEST_CASE("unknown zones and bad dates are refused") {
  CHECK_FALSE(StoreTimeZone::load("Mars/Olympus_Mons").ok());
  CHECK_FALSE(StoreTimeZone::load("").ok());
  CHECK(StoreTimeZone::load("Nowhere").error().message.find("Nowhere") != std::string::npos);
  CHECK(kiosk::is_calendar_date("2024-02-29"));
  CHECK_FALSE(kiosk::is_calendar_date("2026-02-29"));
  CHECK_FALSE(kiosk::is_calendar_date("2026-13-01"));
  CHECK_FALSE(kiosk::is_calendar_date("2026-1-01"));
  CHECK_FALSE(kiosk::is_calendar_date("2026-01-01x"));
}

TEST_CASE("weekday of a calendar date, Sunday first; -1 for what is not a date") {
  CHECK(weekday_of("2026-11-22") == 0);  // a Sunday
  CHECK(weekday_of("2026-11-24") == 2);
  CHECK(weekday_of("2024-02-29") == 4);  // leap day, a Thursday
  CHECK(weekday_of("2026-11-28") == 6);
  CHECK(weekday_of("2026-02-30") == -1);
  CHECK(weekday_of("tomorrow") == -1);
}

TEST_CASE("days after a calendar date, across months, years and a leap day; \"\" for what is not a date") {
  CHECK(days_after("2026-11-22", 0) == "2026-11-22");
  CHECK(days_after("2026-11-22", 9) == "2026-12-01");
  CHECK(days_after("2026-12-31", 1) == "2027-01-01");
  CHECK(days_after("2024-03-01", -1) == "2024-02-29");
  CHECK(days_after("2026-12-05", -56) == "2026-10-10");
  CHECK(days_after("2026-02-30", 1).empty());
}
