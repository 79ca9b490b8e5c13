// The one main() of every doctest executable: the process runs on the test
// day (support/test_clock.h) before any test starts. A run that needs a
// program this machine may lack names it in KIOSK_TEST_NEEDS (ctest's
// ENVIRONMENT); without it the run says so and exits 77, which ctest reports
// as skipped (SKIP_RETURN_CODE 77), never as passed. KIOSK_TEST_SKIP_CASES
// (doctest wildcards, comma-separated) leaves out test cases a pass of
// deploy/test.sh has run in another pass already (the long soaks).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "support/test_clock.h"

int main(int argc, char** argv) {
  if (const char* needs = std::getenv("KIOSK_TEST_NEEDS"); needs && access(needs, X_OK) != 0) {
    std::printf("skipped: %s is not installed\n", needs);
    return 77;
  }
  kiosk::test::pin_clock_to_test_day();
  doctest::Context context(argc, argv);
  if (const char* skipped = std::getenv("KIOSK_TEST_SKIP_CASES")) context.addFilter("test-case-exclude", skipped);
  return context.run();
}
