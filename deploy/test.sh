#!/usr/bin/env bash
# The README's test command: installs what is missing, checks the format,
# builds with warnings as errors, checks that the build used no package a
# fresh machine lacks, runs every test, runs them again on a moved clock (a
# year ahead, 23:59:50 in Shanghai), then builds and runs the tests again under
# AddressSanitizer + UBSan, and fuzzes every parser for 30 s (tests/fuzz,
# clang). Prints how long each phase took. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

phases=() phase_name="" phase_start=$SECONDS
phase() {  # ends the running phase (noting its time) and starts the next
  [ -z "$phase_name" ] || phases+=("$(printf '%5d s  %s' $((SECONDS - phase_start)) "$phase_name")")
  phase_name=$1 phase_start=$SECONDS
  [ -z "$phase_name" ] || echo "== $phase_name"
}
report() { phase ""; printf '%s\n' "== time per phase" "${phases[@]}"; }
trap report EXIT

phase "packages"
./deploy/lib/ensure-packages.sh

phase "format (.clang-format)"
./deploy/lib/check-format.sh

phase "build (warnings are errors)"
./deploy/lib/build.sh build -DKIOSK_WERROR=ON

check="$root/../shared/tools/fresh-machine-check"  # beside the repo on the project's machines only
if [ -x "$check" ]; then
  phase "fresh-machine check (packages the build used that deploy/packages.txt lacks)"
  "$check" build
fi

phase "tests"
(cd build && ctest --output-on-failure -j2 --timeout 600)

# The same programs on a clock moved a year ahead, ten seconds before midnight
# in Shanghai: every test runs on the test day whatever the real date is.
# The monotonic clock stays real (libfaketime would move timed waits too).
moved="$(date -u -d '+1 year' '+%Y-%m-%d') 23:59:50"
phase "tests on a moved clock ($moved in Asia/Shanghai)"
(cd build && KIOSK_TEST_SKIP_CASES="hq and the store*s sync killed*,*proxy that*" TZ=Asia/Shanghai faketime --exclude-monotonic "$moved" \
   ctest --output-on-failure -j2 --timeout 600 -LE "unit|bench|postgresql|browser" -E "packages_test")

phase "build with AddressSanitizer + UBSan"
KIOSK_BUILD_TYPE=Debug ./deploy/lib/build.sh build-asan -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON

# intercept_tls_get_addr=0: up to GCC 13 the runtime's __tls_get_addr interceptor
# takes a malloc'd TLS block at offset 16 of a page for a pre-2.25 glibc header
# and reads garbage from it; LeakSanitizer's tracer then dies at exit ("Tracer
# caught signal 11") in a process that leaked nothing, now and then.
phase "tests under sanitizers"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_tls_get_addr=0 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j2 --timeout 900 -LE no-sanitize)

# Every libFuzzer target for 30 s on its seed corpus, two at a time (one per
# core); a crash, leak or timeout fails the run and names the saved input.
phase "fuzzing (30 s per parser)"
tests/fuzz/run.sh --minutes 0.5 --jobs 2
