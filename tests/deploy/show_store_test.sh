#!/usr/bin/env bash
# The README's run command without a display, as CI runs it: deploy/lib/show-store.sh
# (everything run.sh does after the build) on a fresh data dir, HQ dir and free
# ports. Passes when it exits 0, every screen `kiosk --list-screens` names for
# every role is a PNG in both languages, index.html shows each of them, HQ
# received the demo tickets, and the counter enrolled itself with the node. Usage: show_store_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$1 build=$2
work="$(mktemp -d /tmp/kiosk-show-store.XXXXXX)"
trap 'rm -rf "$work"' EXIT
fail() { echo "show_store_test: FAIL: $*" >&2; exit 1; }

# Two free ports on 127.0.0.1, from the kernel.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

shots="$work/shots"
env -u DISPLAY -u WAYLAND_DISPLAY KIOSK_DATA_DIR="$work/store" KIOSK_HQ_DIR="$work/hq" KIOSK_SCREENSHOT_DIR="$shots" \
  KIOSK_DEVICES_DIR="$work/devices" \
  KIOSK_NODE_PORT="$(free_port)" KIOSK_HQ_PORT="$(free_port)" \
  "$source_dir/deploy/lib/show-store.sh" "$build" 2> "$work/stderr" || { cat "$work/stderr" >&2; fail "show-store.sh exited $?"; }
cat "$work/stderr"
grep -q "look at $shots/index.html" "$work/stderr" || fail "it does not say where to look"

expected=0
for role in customer counter display technician; do
  names="$("$build/kiosk/kiosk" --list-screens "$role")"
  [ -n "$names" ] || fail "$role lists no screens"
  for screen in $names; do
    for lang in zh en; do
      file="$role-$screen-$lang.png"
      [ -s "$shots/$file" ] || fail "$file was not rendered"
      grep -q "src=\"$file\"" "$shots/index.html" || fail "index.html does not show $file"
      expected=$((expected + 1))
    done
  done
done
[ "$(ls "$shots"/*.png | wc -l)" -eq "$expected" ] || fail "$(ls "$shots"/*.png | wc -l) pictures, expected $expected"
grep -q "tickets: 4" "$shots/index.html" || fail "index.html does not show HQ's 4 demo tickets: $(grep -o 'holds for[^<]*' "$shots/index.html")"
"$build/kiosk/kioskctl" --data "$work/store" device list | grep -q '"name":"Counter 1"' \
  || fail "the counter did not enrol itself with the store node"
[ "$(stat -c %a "$work/devices/counter-1/node-device.json")" = 600 ] || fail "the counter's enrolment is not mode 0600"
echo "show_store_test: $expected pictures, every screen of every role in zh and en"
