#!/usr/bin/env bash
# A long store day under faults: builds store_day_soak (and the kiosk, kioskctl
# and hq it drives) into build/ if needed, then runs it (on the test day: it pins its own clock) for N
# minutes of faults. Prints its JSON line and summary; exits as it does (0 when
# nothing was lost or doubled). Needs root (or user namespaces) for its small disk.
# Usage: tests/soak/run.sh [--minutes 10] [--seed 1] [--keep DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build_dir="$root/build"
minutes=10 args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --seed|--keep) args+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--seed S] [--keep DIR]" >&2; exit 2 ;;
  esac
done
if [ ! -f "$build_dir/CMakeCache.txt" ]; then "$root/deploy/lib/build.sh" "$build_dir" -DKIOSK_WERROR=ON >/dev/null; fi
cmake --build "$build_dir" -j2 --target store_day_soak >/dev/null
exec "$build_dir/tests/soak/store_day_soak" --minutes "$minutes" "${args[@]}"
