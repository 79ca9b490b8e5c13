#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, creates the
# embedded default store (SQLite under var/store: default catalogue, three
# counters open, a demo staff member) on first run, and shows the whole store
# on this one machine:
#   - with a display (DISPLAY or WAYLAND_DISPLAY): the customer kiosk, which is
#     also the store node serving the LAN API on 127.0.0.1:8700, one counter
#     console (counter 1) and the calling display, each in its own window;
#     closing any of them (or Ctrl-C) stops all three;
#   - otherwise, under a private Xvfb: a screenshot of every screen of the
#     three roles in Chinese and English into var/screenshots/.
# KIOSK_DATA_DIR chooses another data dir, KIOSK_NODE_PORT another port; extra
# arguments go to the customer kiosk (e.g. --lang en, --printer /dev/usb/lp0).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./deploy/lib/ensure-packages.sh
./deploy/lib/build.sh build

data="${KIOSK_DATA_DIR:-$root/var/store}"
port="${KIOSK_NODE_PORT:-8700}"
node_url="http://127.0.0.1:$port"
demo_name="Demo" demo_pin="2580"
kiosk=build/kiosk/kiosk
ctl() { build/kiosk/kioskctl --data "$data" "$@" >/dev/null; }
if [ ! -f "$data/store.db" ]; then
  mkdir -p "$(dirname "$data")"
  build/kiosk/kioskctl --data "$data" init --store DEMO-001 --tz Asia/Shanghai
  ctl counter open --counter 1 --services A,B,C,D
  ctl counter open --counter 2 --services E,F,G,H
  ctl counter open --counter 3 --services A,B,C,D,E,F,G,H
fi
if ! build/kiosk/kioskctl --data "$data" staff list | grep -q "\"name\":\"$demo_name\""; then
  ctl staff add --name "$demo_name" --pin "$demo_pin"
fi

# Waits until the store node answers on $port (at most 30 s).
wait_for_node() {
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "run.sh: the store node did not start on port $port" >&2
  return 1
}

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Store data: $data. Counter console login: name $demo_name, PIN $demo_pin." >&2
  pids=()
  trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT INT TERM
  "$kiosk" --role customer --data "$data" --listen "127.0.0.1:$port" --windowed 1280x800 "$@" &
  pids+=($!)
  wait_for_node
  "$kiosk" --role counter --store "$node_url" --counter 1 --windowed 1280x800 &
  pids+=($!)
  "$kiosk" --role display --store "$node_url" --windowed 1280x720 &
  pids+=($!)
  wait -n "${pids[@]}"  # one window closed: the trap closes the others
  exit 0
fi

shots="$root/var/screenshots"
mkdir -p "$shots"
echo "No display: rendering every screen of the customer kiosk, the counter console and the display under Xvfb into $shots" >&2
"$kiosk" --role node --data "$data" --listen "127.0.0.1:$port" >/dev/null &
node_pid=$!
trap 'kill $node_pid 2>/dev/null || true; wait' EXIT
wait_for_node
customer_screens="welcome take phone ticket ticket-print-failed rate rate-score rate-thanks soon idle"
counter_screens="login login-error open console serving finish transfer paused unreachable"
display_screens="board offline"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  set -e
  kiosk=$1 data=$2 url=$3 shots=$4
  for lang in zh en; do
    for screen in $5; do
      "$kiosk" --role customer --data "$data" --windowed 1280x800 --lang "$lang" \
        --screen "$screen" --screenshot "$shots/customer-$screen-$lang.png"
    done
    for screen in $6; do
      "$kiosk" --role counter --store "$url" --counter 1 --windowed 1280x800 --lang "$lang" \
        --screen "$screen" --screenshot "$shots/counter-$screen-$lang.png"
    done
    for screen in $7; do
      "$kiosk" --role display --store "$url" --windowed 1280x720 --lang "$lang" \
        --screen "$screen" --screenshot "$shots/display-$screen-$lang.png"
    done
  done' screenshots "$kiosk" "$data" "$node_url" "$shots" "$customer_screens" "$counter_screens" "$display_screens"
ls "$shots"
