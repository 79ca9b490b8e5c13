#!/usr/bin/env python3
"""The house rules as a build step (docs/architecture.md): fails when a file
includes a header it may not, or when the architecture document misses a
library or names a folder that does not exist.

Include rules, by the folder of the including file (kiosk/ is one include
root, so the compiler alone cannot stop `#include "counter/..."` in another role):
- a role (kiosk/customer, counter, display, technician) includes the shell
  (app/, kit/, paper/), the node's client (remote/), its own folder, shared/
  and platform/ headers; only the customer role, which runs the store node,
  includes node/;
- the shell (app/, kit/, paper/), remote/ and node/ include no role;
- shared/ includes nothing of kiosk/, hq/ or platform/; hq/ nothing of kiosk/.
Usage: deploy/lib/check-layers.py SOURCE_DIR   (exit 1 with one line per breach)"""
import os
import re
import sys

ROLES = {"customer", "counter", "display", "technician"}
KIOSK_PARTS = ROLES | {"app", "kit", "paper", "remote", "node", "ctl", "main"}
PLATFORM_PARTS = {"ui", "printer", "ime", "speech", "http", "systemd"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/[^"]*"', re.M)


def allowed_kiosk_parts(folder):
    """The kiosk/ folders a file under kiosk/<folder> may include."""
    shell = {"app", "kit", "paper"}
    if folder in ROLES:
        return shell | {"remote", folder} | ({"node"} if folder == "customer" else set())
    if folder in shell:
        return shell
    if folder == "remote":
        return {"remote"}
    if folder == "node":
        return {"node"}
    return KIOSK_PARTS  # ctl/ and main/ (the kiosk executable) pick from everything


def include_breaches(root):
    breaches = []
    for top in ("kiosk", "shared", "hq", "platform"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                if not name.endswith((".h", ".cpp")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                parts = rel.split(os.sep)
                with open(path, encoding="utf-8") as f:
                    included = INCLUDE.findall(f.read())
                for first in included:
                    if top == "kiosk":
                        folder = parts[1] if len(parts) > 2 else "app"
                        if first in KIOSK_PARTS and first not in allowed_kiosk_parts(folder):
                            breaches.append(f"{rel}: includes {first}/, which kiosk/{folder}/ may not")
                    elif top == "shared" and (first in KIOSK_PARTS or first in PLATFORM_PARTS or first == "hq"):
                        breaches.append(f"{rel}: includes {first}/ (shared/ includes nothing of kiosk/, hq/ or platform/)")
                    elif top == "hq" and first in KIOSK_PARTS - {"ctl"}:
                        breaches.append(f"{rel}: includes {first}/ (hq/ includes nothing of kiosk/)")
    return breaches


def document_breaches(root):
    """Every library and executable the product's CMake files make is named in
    docs/architecture.md, and every `folder/` the map names exists."""
    breaches = []
    with open(os.path.join(root, "docs", "architecture.md"), encoding="utf-8") as f:
        doc = f.read()
    targets = set()
    for top in ("shared", "platform", "kiosk", "hq"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            if "CMakeLists.txt" in files:
                with open(os.path.join(dirpath, "CMakeLists.txt"), encoding="utf-8") as f:
                    targets |= set(re.findall(r"add_(?:library|executable)\((\w+)", f.read()))
    for target in sorted(targets):
        if not re.search(rf"\b{re.escape(target)}\b", doc):
            breaches.append(f"docs/architecture.md: does not name the target {target}")
    in_map = doc.split("```")[1] if doc.count("```") >= 2 else ""
    for line in in_map.splitlines():
        match = re.match(r"^(\w+)/\s", line)
        if match and not os.path.isdir(os.path.join(root, match.group(1))):
            breaches.append(f"docs/architecture.md: names {match.group(1)}/, which does not exist")
    return breaches


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    breaches = include_breaches(sys.argv[1]) + document_breaches(sys.argv[1])
    for line in breaches:
        print(f"check-layers: {line}", file=sys.stderr)
    sys.exit(1 if breaches else 0)


if __name__ == "__main__":
    main()
