#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, creates the
# embedded default store (SQLite under var/store, default catalogue, three
# counters) on first run, and runs the product's main job. Until the kiosk
# screens land, that is a scripted tour of a morning at the store with kioskctl.
# KIOSK_DATA_DIR chooses another data dir.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./deploy/lib/ensure-packages.sh
./deploy/lib/build.sh build

data="${KIOSK_DATA_DIR:-$root/var/store}"
mkdir -p "$(dirname "$data")"
ctl() {
  echo "\$ kioskctl $*" >&2
  build/kiosk/kioskctl --data "$data" "$@" || echo "(exit $?)" >&2
}

[ -f "$data/store.db" ] || ctl init --store DEMO-001 --tz Asia/Shanghai
ctl counter open --counter 1 --services A,B,C,D
ctl counter open --counter 2 --services E,F,G,H
ctl counter open --counter 3 --services A,B,C,D,E,F,G,H
ctl issue --service A
ctl issue --service A --priority
ctl issue --service F
ctl issue --service C
ctl call --counter 1
ctl start --counter 1
ctl finish --counter 1 --outcome resolved
ctl call --counter 2
ctl transfer --counter 2 --to C
ctl call --counter 3
ctl no-show --counter 3
ctl queue
ctl stats
echo "Store data: $data (kioskctl --data $data --help for every command)" >&2
