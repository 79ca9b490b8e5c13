#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan and UBSan, through
# ccache) into build-fuzz and runs each for N minutes on a copy of its seed
# corpus (tests/fuzz/corpus/NAME), JSON targets with json.dict. Prints one line
# per target (executions, exec/s, crashes) and the total; exits 1 when a target
# crashed, leaked or timed out, naming the input libFuzzer saved.
# Usage: tests/fuzz/run.sh [--minutes N] [--target NAME] [--jobs J]
#   --jobs: targets fuzzed at a time (default 1; CI runs 2, one per core).
#   KIOSK_FUZZ_JOBS: build jobs (default: all cores); KIOSK_FUZZ_WORK: where
#   the corpus copies, artifacts and the targets' temp files (TMPDIR: the
#   sync round's store) go (default /tmp/kiosk-fuzz).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fuzz_dir="$root/tests/fuzz"
build_dir="$root/build-fuzz"
work="${KIOSK_FUZZ_WORK:-/tmp/kiosk-fuzz}"
minutes=0.5
only=""
jobs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --target) only="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "usage: $0 [--minutes N] [--target NAME] [--jobs J]" >&2; exit 2 ;;
  esac
done
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60 + 0.5); print (s < 1 ? 1 : s) }')
not_json="kiosk_config request_code phone"  # the rest read JSON: json.dict helps them

targets=()
for corpus in "$fuzz_dir"/corpus/*/; do
  name="$(basename "$corpus")"
  if [ -z "$only" ] || [ "$only" = "$name" ]; then targets+=("$name"); fi
done
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz target named $only (tests/fuzz/corpus/)" >&2; exit 2; }

export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=1
CC=clang CXX=clang++ cmake -S "$root" -B "$build_dir" -DKIOSK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
mkdir -p "$work"
# gold warns about each of ASan's local symbols at every link: the log is shown only when the build fails.
cmake --build "$build_dir" -j"${KIOSK_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}" >"$work/build.log" 2>&1 ||
  { tail -50 "$work/build.log"; echo "the fuzz targets did not build ($work/build.log)" >&2; exit 2; }

# One target's run on a copy of its corpus; its exit status goes to DIR/status.
fuzz_one() {
  local name=$1 run="$work/$1" status=0
  rm -rf "$run"
  mkdir -p "$run/corpus" "$run/artifacts"
  cp "$fuzz_dir/corpus/$name"/* "$run/corpus/"
  local dict=()
  case " $not_json " in *" $name "*) ;; *) dict=(-dict="$fuzz_dir/json.dict") ;; esac
  (cd "$run" && TMPDIR="$run" "$build_dir/tests/fuzz/fuzz_$name" "${dict[@]}" -max_total_time="$seconds" -rss_limit_mb=2048 \
     -timeout=10 -print_final_stats=1 -artifact_prefix="$run/artifacts/" "$run/corpus" >"$run/log" 2>&1) || status=$?
  echo "$status" >"$run/status"
}

# --jobs targets at a time (each libFuzzer process uses one core).
running=0
for name in "${targets[@]}"; do
  fuzz_one "$name" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

printf '%-22s %12s %10s %8s\n' target executions exec/s crashes
total=0
failed=0
for name in "${targets[@]}"; do
  run="$work/$name"
  status=$(cat "$run/status")
  executions=$(awk '/^stat::number_of_executed_units/ { n = $NF } END { print n + 0 }' "$run/log")
  artifacts=$(find "$run/artifacts" -type f | sort)
  crashes=$(printf '%s' "$artifacts" | grep -c . || true)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  printf '%-22s %12d %10d %8d\n' "$name" "$executions" $((executions / seconds)) "$crashes"
  total=$((total + executions))
  if [ "$crashes" -ne 0 ]; then
    failed=1
    for artifact in $artifacts; do echo "  $name: $(basename "$artifact" | cut -d- -f1): $artifact" ; done
    echo "  $name: log $run/log"
  fi
done
printf '%-22s %12d\n' total "$total"
exit "$failed"
