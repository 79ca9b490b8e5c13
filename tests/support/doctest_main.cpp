// The one main() of every doctest executable: the process runs on the test
// day (support/test_clock.h) before any test starts.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "support/test_clock.h"

int main(int argc, char** argv) {
  kiosk::test::pin_clock_to_test_day();
  doctest::Context context(argc, argv);
  return context.run();
}
