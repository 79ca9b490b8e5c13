#!/usr/bin/env bash
# The README's test command: installs what is missing, builds with warnings as
# errors, runs every test, then builds and runs the tests again under
# AddressSanitizer + UBSan. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./deploy/lib/ensure-packages.sh

echo "== build (warnings are errors)"
./deploy/lib/build.sh build -DKIOSK_WERROR=ON
echo "== tests"
(cd build && ctest --output-on-failure -j2 --timeout 600)

echo "== build with AddressSanitizer + UBSan"
KIOSK_BUILD_TYPE=Debug ./deploy/lib/build.sh build-asan -DKIOSK_WERROR=ON -DKIOSK_SANITIZE=ON
echo "== tests under sanitizers"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j2 --timeout 900 -LE no-sanitize)
