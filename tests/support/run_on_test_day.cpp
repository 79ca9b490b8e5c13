// run_on_test_day PROGRAM [ARGS...]: runs PROGRAM with its clock (and its
// children's) on the test day (support/test_clock.h). ctest starts every test
// through it, so benchmarks and scripts run on the same day as the doctest
// executables, which also pin their clock themselves when run by hand.
#include <unistd.h>

#include <cstdio>

#include "support/test_clock.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: run_on_test_day PROGRAM [ARGS...]\n");
    return 2;
  }
  kiosk::test::pin_clock_to_test_day();
  execvp(argv[1], argv + 1);
  std::perror(argv[1]);
  return 127;
}
