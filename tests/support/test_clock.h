// The one clock of a test: every process of a test (the test itself, the
// kiosk, kioskctl and hq processes it starts, their SQLite 'now') runs on the
// test day, whatever the real date, hour or time zone of the machine. The
// programs add KIOSK_TEST_CLOCK_OFFSET_MS to the real clock (core/clock.h);
// this sets it. Tests that need another moment use a ManualClock or utc_ms().
#pragma once

#include "core/clock.h"

namespace kiosk::test {

// Milliseconds of a UTC civil time, for readable test clocks.
EpochMs utc_ms(int year, int month, int day, int hour, int minute, int second = 0);

// The moment every test process starts at: 2026-11-23 01:00 UTC, a Monday
// morning (09:00 in Shanghai), far from any midnight or clock change.
EpochMs test_day_start_ms();

// Sets KIOSK_TEST_CLOCK_OFFSET_MS so that this process and every process it
// starts read test_day_start_ms() now and run on from there. An offset set by
// a parent process is kept (a test's children share its clock). Call it
// before any thread starts and before the clock is first read.
void pin_clock_to_test_day();

}  // namespace kiosk::test
