// The test clock offset: KIOSK_TEST_CLOCK_OFFSET_MS, read once per process.
#include "core/clock.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace kiosk {
namespace {

EpochMs read_offset_from_environment() {
  const char* text = std::getenv("KIOSK_TEST_CLOCK_OFFSET_MS");
  if (text == nullptr || *text == '\0') return 0;
  char* end = nullptr;
  errno = 0;
  const long long offset = std::strtoll(text, &end, 10);
  if (errno != 0 || *end != '\0') {
    std::fprintf(stderr, "KIOSK_TEST_CLOCK_OFFSET_MS=\"%s\" is not a whole number of milliseconds: ignored\n", text);
    return 0;
  }
  return offset;
}

}  // namespace

EpochMs test_clock_offset_ms() {
  static const EpochMs offset = read_offset_from_environment();
  return offset;
}

}  // namespace kiosk
