#!/usr/bin/env bash
# Shows the whole store on this machine from a build: creates the embedded
# default store (SQLite under var/store: default catalogue, three counters open,
# a demo staff member) on first run, and a local headquarters (`hq` on
# 127.0.0.1:8800, database under var/hq) that gets store DEMO-001 and a device
# whose token the store is given (its ticket QR codes open HQ's phone page at
# http://127.0.0.1:8800/t/...); the store node syncs with it by itself.
#   - with a display (DISPLAY or WAYLAND_DISPLAY): the customer kiosk, which is
#     also the store node serving the LAN API over HTTPS on 127.0.0.1:8700, one
#     counter console (counter 1) and the calling display, each in its own
#     window, enrolled with the node by themselves (var/devices);
#     closing any of them (or Ctrl-C) stops them all;
#   - otherwise, under a private Xvfb: every screen of every role (the names
#     come from `kiosk --list-screens ROLE`) in Chinese and English into
#     var/screenshots/, with index.html showing them side by side and what HQ
#     received. A first run issues a few demo tickets so the screens have a queue.
# Usage: deploy/lib/show-store.sh BUILD_DIR [customer kiosk arguments...]
# KIOSK_DATA_DIR chooses another data dir, KIOSK_DEVICES_DIR the devices' one, KIOSK_NODE_PORT another port,
# KIOSK_HQ_DIR and KIOSK_HQ_PORT HQ's, KIOSK_SCREENSHOT_DIR the pictures' folder.
# Exits 0 when done, non-zero (saying why) when a step failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "$1" && pwd)"; shift

data="${KIOSK_DATA_DIR:-$root/var/store}"
port="${KIOSK_NODE_PORT:-8700}"
node_url="https://127.0.0.1:$port"
devices="${KIOSK_DEVICES_DIR:-$root/var/devices}"  # the counter's and the display's enrolments
demo_name="Demo" demo_pin="2580"
kiosk="$build/kiosk/kiosk"
kioskctl="$build/kiosk/kioskctl"
hq="$build/hq/hq"
ctl() { "$kioskctl" --data "$data" "$@" >/dev/null; }
first_run=false
if [ ! -f "$data/store.db" ]; then
  first_run=true
  rm -rf "$devices"  # enrolled with a store node that is no more
  mkdir -p "$(dirname "$data")"
  "$kioskctl" --data "$data" init --store DEMO-001 --tz Asia/Shanghai >/dev/null
  ctl counter open --counter 1 --services A,B,C,D
  ctl counter open --counter 2 --services E,F,G,H
  ctl counter open --counter 3 --services A,B,C,D,E,F,G,H
fi

# Waits until something answers on 127.0.0.1:$1 (at most 30 s); $2 names it.
wait_for_port() {
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "show-store: $2 did not start on port $1" >&2
  return 1
}

# Enrols the device kept in $1 (kind $2, name $3) with the running store node,
# once: a one-time code from the node (as staff would make on the kiosk's
# Devices screen), used by `kioskctl device join` as the device's screen would.
enrol_device() {
  [ -f "$1/node-device.json" ] && return 0
  mkdir -p "$1"
  local code
  code="$("$kioskctl" --data "$data" device enrol --label "$3" | sed -n 's/.*"code": *"\([0-9]*\)".*/\1/p')"
  "$kioskctl" --data "$1" device join --store "$node_url" --code "$code" --kind "$2" --name "$3" >/dev/null
}

# The local headquarters: the store DEMO-001 and a device for this store.
hq_dir="${KIOSK_HQ_DIR:-$root/var/hq}"
hq_port="${KIOSK_HQ_PORT:-8800}"
hq_db="$hq_dir/hq.db"
if [ ! -f "$hq_db" ]; then
  mkdir -p "$hq_dir"
  "$hq" store add --db "$hq_db" --id DEMO-001 --name "Demo store" >/dev/null
  # Ticket QR codes open HQ's phone page (docs/public-pages.md); a real HQ
  # gives the address phones reach it at.
  "$hq" public set --db "$hq_db" --url "http://127.0.0.1:$hq_port" >/dev/null
fi
if ! "$kioskctl" --data "$data" status | grep -q '"configured":true'; then
  token="$("$hq" device add --db "$hq_db" --store DEMO-001 --label run.sh | sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')"
  ctl hq set --url "http://127.0.0.1:$hq_port" --token "$token"
fi
"$hq" --db "$hq_db" --listen "127.0.0.1:$hq_port" >/dev/null &
pids=($!)  # every process started here: all stopped when the script ends
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT
trap 'exit 130' INT TERM
wait_for_port "$hq_port" "hq"
# Staff are HQ's: the demo clerk is added there and reaches the store by a sync.
if ! "$hq" staff list --db "$hq_db" --store DEMO-001 | grep -q "\"name\":\"$demo_name\""; then
  "$hq" staff add --db "$hq_db" --store DEMO-001 --name "$demo_name" --pin "$demo_pin" >/dev/null
fi
"$kioskctl" --data "$data" sync >/dev/null || echo "show-store: the first sync with HQ did not finish" >&2

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Store data: $data. Counter console login: name $demo_name, PIN $demo_pin." >&2
  echo "HQ: http://127.0.0.1:$hq_port, database $hq_db." >&2
  windows=()
  "$kiosk" --role customer --data "$data" --listen "127.0.0.1:$port" --windowed 1280x800 "$@" &
  windows+=($!)
  wait_for_port "$port" "the store node"
  enrol_device "$devices/counter-1" counter "Counter 1"
  enrol_device "$devices/display" display "Display"
  "$kiosk" --role counter --store "$node_url" --data "$devices/counter-1" --counter 1 --windowed 1280x800 &
  windows+=($!)
  "$kiosk" --role display --store "$node_url" --data "$devices/display" --windowed 1280x720 &
  windows+=($!)
  pids+=("${windows[@]}")
  wait -n "${windows[@]}"  # one window closed: the trap closes the others and hq
  exit 0
fi

shots="${KIOSK_SCREENSHOT_DIR:-$root/var/screenshots}"
mkdir -p "$shots"
rm -f "$shots"/*.png "$shots/index.html"
if $first_run; then  # a queue to show: waiting tickets, one called at counter 1
  for service in A A B E; do ctl issue --service "$service"; done
  ctl call --counter 1
fi
"$kiosk" --role node --data "$data" --listen "127.0.0.1:$port" >/dev/null &
pids+=($!)
wait_for_port "$port" "the store node"
enrol_device "$devices/counter-1" counter "Counter 1"
echo "No display: rendering every screen of every role in Chinese and English under Xvfb into $shots" >&2
xvfb-run -a -s "-screen 0 1280x800x24" "$root/deploy/lib/render-screens.sh" "$kiosk" "$data" "$node_url" "$shots" "$devices/counter-1"

ctl sync || true  # whatever the node's own sync has not sent yet
received=""
for kind in tickets ratings requests; do
  received+="$kind: $("$hq" export --db "$hq_db" --store DEMO-001 --kind "$kind" | wc -l); "
done
"$root/deploy/lib/contact-sheet.sh" "$shots" "$kiosk" "HQ ($hq_db) holds for DEMO-001: ${received%; }" > "$shots/index.html"
echo "Screens: $(ls "$shots"/*.png | wc -l) pictures; look at $shots/index.html" >&2
echo "HQ ($hq_db) received from DEMO-001: ${received%; }" >&2
