#!/usr/bin/env bash
# Configures and builds the project into a build directory.
# Usage: deploy/lib/build.sh BUILD_DIR [extra cmake -D options...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="$1"; shift
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${KIOSK_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build_dir" -j2
