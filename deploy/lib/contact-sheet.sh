#!/usr/bin/env bash
# Writes an HTML contact sheet of the screenshots to stdout: one section per
# role, each screen a row with Chinese and English side by side, in the order
# `kiosk --list-screens ROLE` gives, and a line about what HQ received.
# Usage: contact-sheet.sh SHOTS_DIR KIOSK "HQ line"
set -euo pipefail
shots=$1 kiosk=$2 hq_line=$3
cat <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Every screen of the store</title>
<style>
body { font-family: sans-serif; margin: 1em 2em; background: #f4f4f4; }
h2 { margin-top: 2em; border-bottom: 2px solid #888; }
.row { display: flex; gap: 1em; align-items: flex-start; margin: 1em 0; }
.row h3 { width: 12em; flex: none; margin: 0; font-size: 1em; }
figure { margin: 0; flex: 1; }
figure img { width: 100%; border: 1px solid #aaa; background: #fff; }
figcaption { font-size: 0.8em; color: #555; }
</style></head><body>
<h1>Every screen of the store</h1>
HTML
printf '<p>%s</p>\n' "$hq_line"
for role in customer counter display technician; do
  printf '<h2>%s</h2>\n' "$role"
  for screen in $("$kiosk" --list-screens "$role"); do
    printf '<div class="row"><h3>%s</h3>' "$screen"
    for lang in zh en; do
      file="$role-$screen-$lang.png"
      [ -f "$shots/$file" ] || { echo "contact-sheet: $file is missing" >&2; exit 1; }
      printf '<figure><img src="%s" alt="%s %s"><figcaption>%s</figcaption></figure>' "$file" "$screen" "$lang" "$lang"
    done
    printf '</div>\n'
  done
done
printf '</body></html>\n'
