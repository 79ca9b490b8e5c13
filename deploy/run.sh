#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, creates the
# embedded default store (SQLite under var/store: default catalogue, three
# counters open) on first run, and opens the customer kiosk on it:
#   - in a window when a display exists (DISPLAY or WAYLAND_DISPLAY);
#   - otherwise under a private Xvfb, writing a screenshot of every screen in
#     Chinese and English to var/screenshots/ and a printed-ticket preview.
# KIOSK_DATA_DIR chooses another data dir; extra arguments go to the kiosk
# (e.g. --lang en, --printer /dev/usb/lp0, --windowed 1080x1920).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./deploy/lib/ensure-packages.sh
./deploy/lib/build.sh build

data="${KIOSK_DATA_DIR:-$root/var/store}"
ctl() { build/kiosk/kioskctl --data "$data" "$@" >/dev/null; }
if [ ! -f "$data/store.db" ]; then
  mkdir -p "$(dirname "$data")"
  build/kiosk/kioskctl --data "$data" init --store DEMO-001 --tz Asia/Shanghai
  ctl counter open --counter 1 --services A,B,C,D
  ctl counter open --counter 2 --services E,F,G,H
  ctl counter open --counter 3 --services A,B,C,D,E,F,G,H
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the customer kiosk (store data: $data). Staff side: build/kiosk/kioskctl --data $data --help" >&2
  exec build/kiosk/kiosk --role customer --data "$data" --windowed 1280x800 "$@"
fi

shots="$root/var/screenshots"
mkdir -p "$shots"
echo "No display: rendering every screen under Xvfb into $shots" >&2
screens=(welcome take phone ticket ticket-print-failed rate rate-score rate-thanks soon idle)
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  for lang in zh en; do
    for screen in "${@:3}"; do
      build/kiosk/kiosk --role customer --data "$1" --windowed 1280x800 --lang "$lang" \
        --screen "$screen" --screenshot "$2/$screen-$lang.png"
    done
  done' screenshots "$data" "$shots" "${screens[@]}"
ls "$shots"
