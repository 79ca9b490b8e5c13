// Time as the domain sees it: milliseconds since the Unix epoch (UTC), read
// through a Clock so tests and reducers can inject the time.
//
// Tests move every process onto one clock: SystemClock (and SQLite's 'now',
// see store/shifted_clock_vfs) adds the offset in the environment variable
// KIOSK_TEST_CLOCK_OFFSET_MS, read once per process. The test support sets it
// (tests/support/test_clock.h) and child processes inherit it; nothing in
// deploy/ sets it, so a device runs on its real clock.
#pragma once

#include <chrono>
#include <cstdint>

namespace kiosk {

using EpochMs = std::int64_t;

// The offset this process adds to the real clock: 0 unless
// KIOSK_TEST_CLOCK_OFFSET_MS holds an integer (anything else is reported on
// stderr once and ignored).
EpochMs test_clock_offset_ms();

class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMs now_ms() const = 0;
};

class SystemClock final : public Clock {
 public:
  EpochMs now_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + test_clock_offset_ms();
  }
};

// A clock that only moves when told to: for tests and replays.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochMs start) : now_(start) {}
  EpochMs now_ms() const override { return now_; }
  void set(EpochMs t) { now_ = t; }
  void advance_ms(EpochMs delta) { now_ += delta; }
  void advance_s(std::int64_t seconds) { now_ += seconds * 1000; }

 private:
  EpochMs now_;
};

}  // namespace kiosk
