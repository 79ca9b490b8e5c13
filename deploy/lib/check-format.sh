#!/usr/bin/env bash
# Checks that every C++ file is formatted as .clang-format says (Google style,
# 120 columns); prints the files that are not and exits 1. To format a file:
# clang-format -i FILE.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mapfile -t files < <(find shared platform kiosk hq tests \( -name '*.cpp' -o -name '*.h' \) | sort)
unformatted=()
for file in "${files[@]}"; do
  clang-format --dry-run --Werror "$file" >/dev/null 2>&1 || unformatted+=("$file")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  printf 'not formatted (clang-format -i FILE): %s\n' "${unformatted[@]}"
  exit 1
fi
echo "formatted: ${#files[@]} files"
