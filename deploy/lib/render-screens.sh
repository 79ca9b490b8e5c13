#!/usr/bin/env bash
# Renders every screen of every role in Chinese and English into a folder, on
# the X display it is given (show-store.sh runs it under xvfb-run). Screen
# names come from the program itself (`kiosk --list-screens ROLE`).
# Usage: render-screens.sh KIOSK DATA_DIR NODE_URL OUT_DIR [DEVICE_DIR]
# NODE_URL is https://HOST:PORT; DEVICE_DIR (default DATA_DIR) holds the
# enrolment the counter and the display use (node-device.json: kiosk --enrol CODE).
# Pictures are OUT_DIR/ROLE-SCREEN-LANG.png; exits non-zero on the first failure.
set -euo pipefail
kiosk=$1 data=$2 url=$3 out=$4 device=${5:-$2}
for role in customer counter display technician; do
  case $role in
    customer) args=(--data "$data" --windowed 1280x800) ;;
    counter) args=(--store "$url" --data "$device" --counter 1 --windowed 1280x800) ;;
    display) args=(--store "$url" --data "$device" --windowed 1280x720) ;;
    technician) args=(--windowed 1280x800) ;;  # scripted screens read no database
  esac
  for screen in $("$kiosk" --list-screens "$role"); do
    for lang in zh en; do
      "$kiosk" --role "$role" "${args[@]}" --lang "$lang" --screen "$screen" --screenshot "$out/$role-$screen-$lang.png" >/dev/null \
        || { echo "render-screens: $role $screen ($lang) failed" >&2; exit 1; }
    done
  done
done
