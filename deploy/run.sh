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
# In both modes a local headquarters (`hq`, database under var/hq) serves on
# 127.0.0.1:8800; on first run it gets store DEMO-001 and a device whose token
# the store is given (kioskctl hq set), and the store node syncs with it by
# itself. It stops with the other processes.
# KIOSK_DATA_DIR chooses another data dir, KIOSK_NODE_PORT another port,
# KIOSK_HQ_DIR and KIOSK_HQ_PORT HQ's; extra arguments go to the customer kiosk
# (e.g. --lang en, --printer /dev/usb/lp0).
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

# Waits until something answers on 127.0.0.1:$1 (at most 30 s); $2 names it.
wait_for_port() {
  for _ in $(seq 300); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "run.sh: $2 did not start on port $1" >&2
  return 1
}
wait_for_node() { wait_for_port "$port" "the store node"; }

# The local headquarters: the store DEMO-001 and a device for this store.
hq=build/hq/hq
hq_dir="${KIOSK_HQ_DIR:-$root/var/hq}"
hq_port="${KIOSK_HQ_PORT:-8800}"
hq_db="$hq_dir/hq.db"
if [ ! -f "$hq_db" ]; then
  mkdir -p "$hq_dir"
  "$hq" store add --db "$hq_db" --id DEMO-001 --name "Demo store" >/dev/null
fi
if ! build/kiosk/kioskctl --data "$data" status | grep -q '"configured":true'; then
  token="$("$hq" device add --db "$hq_db" --store DEMO-001 --label run.sh | sed -n 's/.*"token": *"\([0-9a-f]*\)".*/\1/p')"
  ctl hq set --url "http://127.0.0.1:$hq_port" --token "$token"
fi
"$hq" --db "$hq_db" --listen "127.0.0.1:$hq_port" >/dev/null &
pids=($!)  # every process run.sh started: all stopped when the script ends
trap 'kill "${pids[@]}" 2>/dev/null || true; wait' EXIT
trap 'exit 130' INT TERM
wait_for_port "$hq_port" "hq"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Store data: $data. Counter console login: name $demo_name, PIN $demo_pin." >&2
  echo "HQ: http://127.0.0.1:$hq_port, database $hq_db." >&2
  windows=()
  "$kiosk" --role customer --data "$data" --listen "127.0.0.1:$port" --windowed 1280x800 "$@" &
  windows+=($!)
  wait_for_node
  "$kiosk" --role counter --store "$node_url" --counter 1 --windowed 1280x800 &
  windows+=($!)
  "$kiosk" --role display --store "$node_url" --windowed 1280x720 &
  windows+=($!)
  pids+=("${windows[@]}")
  wait -n "${windows[@]}"  # one window closed: the trap closes the others and hq
  exit 0
fi

shots="$root/var/screenshots"
mkdir -p "$shots"
echo "No display: rendering every screen of the customer kiosk, the counter console and the display under Xvfb into $shots" >&2
"$kiosk" --role node --data "$data" --listen "127.0.0.1:$port" >/dev/null &
pids+=($!)
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
build/kiosk/kioskctl --data "$data" sync >/dev/null || true  # whatever the node's own sync has not sent yet
echo "HQ holds $("$hq" export --db "$hq_db" --store DEMO-001 --kind tickets | wc -l) tickets of DEMO-001 ($hq_db)" >&2
