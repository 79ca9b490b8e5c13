#!/usr/bin/env bash
# Configures and builds the project into a build directory, through ccache
# when it is installed (deploy/packages.txt): paths are hashed relative to the
# repo root, so a fresh clone elsewhere (CI) reuses what an earlier build of
# the same sources compiled.
# Usage: deploy/lib/build.sh BUILD_DIR [extra cmake -D options...]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="$1"; shift
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE="${KIOSK_BUILD_TYPE:-RelWithDebInfo}" "${launcher[@]}" "$@" >/dev/null
cmake --build "$build_dir" -j2
