#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, then shows the
# whole store on this one machine (deploy/lib/show-store.sh: the embedded
# SQLite store under var/store, a local HQ, the windows with a display or
# every screen of every role as PNGs without one). Extra arguments go to the
# customer kiosk (e.g. --lang en, --printer /dev/usb/lp0).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./deploy/lib/ensure-packages.sh
./deploy/lib/build.sh build
exec ./deploy/lib/show-store.sh "$root/build" "$@"
