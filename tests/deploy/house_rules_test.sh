#!/usr/bin/env bash
# deploy/lib/check-layers.py: the tree as it is passes; a copy where the counter
# includes the customer role's header, the shell includes a role, or the map
# forgets a library fails with a line naming the breach.
set -euo pipefail
src="$1"
check="$src/deploy/lib/check-layers.py"
python3 "$check" "$src"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
expect_breach() {  # what: the message expected; the copy is restored afterwards
  local what="$1"
  if python3 "$check" "$work/tree" 2>"$work/err"; then
    echo "FAIL: no breach found, expected: $what"; exit 1
  fi
  grep -qF "$what" "$work/err" || { echo "FAIL: expected '$what', got:"; cat "$work/err"; exit 1; }
  echo "ok: $what"
}
fresh_copy() {
  rm -rf "$work/tree" && mkdir -p "$work/tree"
  cp -r "$src/kiosk" "$src/shared" "$src/hq" "$src/platform" "$src/docs" "$work/tree/"
}

fresh_copy
echo '#include "customer/customer_app.h"' >> "$work/tree/kiosk/counter/counter_app.cpp"
expect_breach "kiosk/counter/counter_app.cpp: includes customer/, which kiosk/counter/ may not"

fresh_copy
echo '#include "counter/counter_app.h"' >> "$work/tree/kiosk/app/role_runner.cpp"
expect_breach "kiosk/app/role_runner.cpp: includes counter/, which kiosk/app/ may not"

fresh_copy
echo '#include "ui/window.h"' >> "$work/tree/shared/core/text.cpp"
expect_breach "shared/core/text.cpp: includes ui/"

fresh_copy
sed -i 's/kiosk_remote//g' "$work/tree/docs/architecture.md"
expect_breach "docs/architecture.md: does not name the target kiosk_remote"
echo "house rules: every breach caught"
