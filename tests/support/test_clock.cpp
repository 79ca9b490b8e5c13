// The test day and the offset that moves a process onto it.
#include "support/test_clock.h"

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

#include <cstdlib>
#include <string>

namespace kiosk::test {

EpochMs utc_ms(int year, int month, int day, int hour, int minute, int second) {
  const auto tp = cctz::convert(cctz::civil_second(year, month, day, hour, minute, second), cctz::utc_time_zone());
  return std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
}

EpochMs test_day_start_ms() { return utc_ms(2026, 11, 23, 1, 0); }

void pin_clock_to_test_day() {
  const char* inherited = std::getenv("KIOSK_TEST_CLOCK_OFFSET_MS");
  if (inherited != nullptr && *inherited != '\0') return;
  using namespace std::chrono;
  const EpochMs real_now = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  setenv("KIOSK_TEST_CLOCK_OFFSET_MS", std::to_string(test_day_start_ms() - real_now).c_str(), 1);
}

}  // namespace kiosk::test
