#!/usr/bin/env bash
# The Debian packages end to end (ctest packages_test; needs root for the
# overlay mount and chroot, as CI has). Usage: deploy/test-packages.sh BUILD_DIR
#  1. cpack builds `kiosk` and `hq` from BUILD_DIR; the "previous version" is the
#     same content relabelled 0.0.1 (dpkg-deb), to upgrade from.
#  2. A fresh root: an overlay of this machine's own system (its installed
#     Debian packages satisfy the declared dependencies; no network), writes go
#     to a temp dir; dpkg runs chrooted in it, maintainer scripts included.
#  3. Install v1: users, data dirs, conffile, units (systemd-analyze verify on
#     every unit); the installed kioskctl creates a store (default catalogue
#     from /usr/share/kiosk) and issues tickets; the installed kiosk draws a
#     pinyin screen under Xvfb (assets and rime-data found at /usr/share/kiosk).
#  4. Upgrade to v2: the tickets and a local edit of the conffile are kept.
#  5. Remove keeps the data and user; purge deletes them and every file.
# Prints the installed size of each package.
set -euo pipefail
build="$(cd "$1" && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "test-packages.sh: needs root (overlay mount, chroot)" >&2; exit 1; }
work="$(mktemp -d /tmp/kiosk-packages.XXXXXX)"
root="$work/root"
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "test-packages.sh: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "cpack"
(cd "$build" && cpack -G DEB -B "$work/v2" >/dev/null)
v2_kiosk="$(ls "$work"/v2/kiosk_*.deb)"
v2_hq="$(ls "$work"/v2/hq_*.deb)"
# The previous version: the same files relabelled 0.0.1.
relabel() {
  local deb="$1" out="$2" tree="$work/relabel"
  rm -rf "$tree"
  dpkg-deb -R "$deb" "$tree"
  sed -i 's/^Version: .*/Version: 0.0.1/' "$tree/DEBIAN/control"
  dpkg-deb -b "$tree" "$out" >/dev/null
}
mkdir -p "$work/v1"
relabel "$v2_kiosk" "$work/v1/kiosk_0.0.1_amd64.deb"
relabel "$v2_hq" "$work/v1/hq_0.0.1_amd64.deb"
for deb in "$v2_kiosk" "$v2_hq"; do
  echo "$(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version): installed size $(dpkg-deb -f "$deb" Installed-Size) KiB," \
       ".deb $(($(stat -c %s "$deb") / 1024)) KiB; depends: $(dpkg-deb -f "$deb" Depends)"
done

step "a fresh root: an overlay of this machine's system"
mkdir -p "$work/upper" "$work/overlay-work" "$root"
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/overlay-work" "$root"
mounted+=("$root")
for dir in proc dev sys; do mount --rbind "/$dir" "$root/$dir"; mounted+=("$root/$dir"); done
mount -t tmpfs tmpfs "$root/tmp" && mounted+=("$root/tmp")
mount -t tmpfs tmpfs "$root/run" && mounted+=("$root/run")  # no /run/systemd/system: scripts skip systemctl
cp "$work"/v1/*.deb "$work"/v2/*.deb "$root/tmp/"
in_root() { chroot "$root" "$@"; }
for pkg in kiosk hq; do
  in_root dpkg -s "$pkg" >/dev/null 2>&1 && fail "$pkg is already installed on this machine"
done

step "install 0.0.1"
in_root dpkg -i /tmp/kiosk_0.0.1_amd64.deb /tmp/hq_0.0.1_amd64.deb >/dev/null
in_root getent passwd kiosk >/dev/null || fail "no user kiosk"
in_root getent passwd hq >/dev/null || fail "no user hq"
[ "$(in_root stat -c %U:%a /var/lib/kiosk)" = "kiosk:750" ] || fail "/var/lib/kiosk: $(in_root stat -c %U:%a /var/lib/kiosk)"
[ "$(in_root stat -c %U /var/lib/hq)" = hq ] || fail "/var/lib/hq not owned by hq"
[ -f "$root/etc/kiosk/kiosk.toml" ] || fail "no /etc/kiosk/kiosk.toml"
in_root dpkg-query -W -f='${Conffiles}\n' kiosk | grep -q /etc/kiosk/kiosk.toml || fail "kiosk.toml is not a conffile"
for unit in kiosk.service kiosk-node.service hq.service; do
  in_root systemd-analyze verify "/lib/systemd/system/$unit" || fail "systemd-analyze verify $unit"
done
echo "systemd-analyze verify: kiosk.service kiosk-node.service hq.service OK"
ctl() { in_root runuser -u kiosk -- /usr/bin/kioskctl --data /var/lib/kiosk "$@"; }
ctl init --store PKG-001 --tz Asia/Shanghai >/dev/null
ctl issue --service A >/dev/null
ctl issue --service B >/dev/null
in_root runuser -u hq -- /usr/bin/hq store add --db /var/lib/hq/hq.db --id PKG-001 --name "Package test" >/dev/null
in_root runuser -u kiosk -- xvfb-run -a -s "-screen 0 1024x768x24" /usr/bin/kiosk --config /etc/kiosk/kiosk.toml \
  --windowed 1024x768 --screen request-problem --screenshot /tmp/installed-request-problem.png \
  || fail "the installed kiosk could not draw the pinyin screen (assets or rime-data not found?)"
echo "the installed kiosk drew request-problem (pinyin IME) from /usr/share/kiosk"
echo 'idle_seconds = 60  # a local edit' >> "$root/etc/kiosk/kiosk.toml"

step "upgrade to $(dpkg-deb -f "$v2_kiosk" Version)"
in_root dpkg -i "/tmp/$(basename "$v2_kiosk")" "/tmp/$(basename "$v2_hq")" >/dev/null
[ "$(in_root dpkg-query -W -f='${Version}' kiosk)" = "$(dpkg-deb -f "$v2_kiosk" Version)" ] || fail "kiosk not upgraded"
waiting="$(ctl queue)"
echo "$waiting" | grep -q '"waiting":1' || fail "tickets lost in the upgrade: $waiting"
ctl status | grep -q '"id":"PKG-001"' || fail "store lost in the upgrade"
grep -q '^idle_seconds = 60' "$root/etc/kiosk/kiosk.toml" || fail "the conffile's local edit was lost"
in_root runuser -u hq -- /usr/bin/hq store list --db /var/lib/hq/hq.db | grep -q PKG-001 || fail "HQ data lost in the upgrade"
echo "after the upgrade: the store, its 2 tickets, HQ's store and the conffile edit are kept"

step "remove, then purge"
in_root dpkg -r kiosk hq >/dev/null
[ ! -e "$root/usr/bin/kiosk" ] || fail "/usr/bin/kiosk left after remove"
[ -f "$root/var/lib/kiosk/store.db" ] || fail "remove deleted the store"
in_root getent passwd kiosk >/dev/null || fail "remove deleted the user"
in_root dpkg -P kiosk hq >/dev/null
for path in /var/lib/kiosk /var/lib/hq /etc/kiosk /usr/share/kiosk /usr/bin/kioskctl /usr/bin/hq \
            /lib/systemd/system/kiosk.service /lib/systemd/system/hq.service; do
  [ ! -e "$root$path" ] || fail "$path left after purge"
done
in_root getent passwd kiosk >/dev/null && fail "user kiosk left after purge"
in_root getent passwd hq >/dev/null && fail "user hq left after purge"
in_root getent group kiosk >/dev/null && fail "group kiosk left after purge"
echo "purge removed the users, /var/lib/kiosk, /var/lib/hq, /etc/kiosk and every file"
echo "test-packages.sh: OK"
