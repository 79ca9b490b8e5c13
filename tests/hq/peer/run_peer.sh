#!/usr/bin/env bash
# bench_sync beside its peer, in the same run, alternately: our sync (hq +
# kiosk sync over libcurl) and PouchDB 9 replicating the same number of
# records to a PouchDB server on loopback. Installs the peer's npm packages
# into PEER_DIR (default /tmp/kiosk-pouchdb-peer) when missing.
#   [ENGINE=postgresql] tests/hq/peer/run_peer.sh BUILD_DIR [RECORDS]
set -euo pipefail
build="${1:?usage: run_peer.sh BUILD_DIR [RECORDS]}"
records="${2:-14000}"
here="$(cd "$(dirname "$0")" && pwd)"
peer="${PEER_DIR:-/tmp/kiosk-pouchdb-peer}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing Debian's nodejs and npm for the peer..." >&2
  apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -d "$peer/node_modules/express-pouchdb" ]; then
  mkdir -p "$peer"
  (cd "$peer" && npm install --no-audit --no-fund --loglevel=error pouchdb-core@9.0.0 pouchdb-adapter-memory@9.0.0 \
     pouchdb-adapter-http@9.0.0 pouchdb-replication@9.0.0 express-pouchdb@4.2.0 express@4 >/dev/null)
fi
for round in 1 2; do
  echo "== round $round"
  "$build/tests/hq/bench_sync" --records "$records" --stores 200 --per-store 100 --engine "${ENGINE:-sqlite}" |
    grep -E "backlog|no-op|ingest"
  NODE_PATH="$peer/node_modules" node "$here/bench_pouchdb.js" --records "$records"
done
