#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The package test (issue 16), run by scripts/test.sh (so by CI) as root:
#  1. make deb: version N from debian/changelog, plus fwgate-dkms N+1 from a
#     copy whose changelog has one more entry;
#  2. install N on this machine: DKMS builds for every kernel with headers;
#     check dkms status and verify each module's signature (openssl, against
#     DKMS's /var/lib/dkms/mok.pub); build tests/pkg/consumer.c against the
#     installed libfwctl-dev through pkg-config;
#  3. boot the VM with nothing of the build tree loaded and run
#     tests/vm/TESTS.pkg; when the guest asks, upgrade fwgate-dkms to N+1
#     here, with its modules loaded and a fwctl file open there;
#  4. purge everything and check nothing is left behind.
# TAP goes to build/results/pkg/pkg.tap; the VM's to build/results/pkg-vm/.
# The machine must not have fwgate packages of its own installed: they are
# purged at the start and the end.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build}
res=$build/results/pkg
mkdir -p "$res"
exec > >(tee "$res/pkg.tap") 2>&1
. "$root/tests/lib/tap.sh"
echo 1 > "$res/pkg.rc"

pkgs="fwgate-dkms fwgate-tools libfwctl-dev libfwctl1"
mods="fwctl fwctl_sim mlx5_fwctl mlx5_fwctl_sim sap_host sap_mei_cl sap_sim wlan_sim"
work=$build/pkg
kver=$("$root/scripts/kver.sh")
ver=$("$root/scripts/version.sh" "$root")
next=$ver+pkgtest1
apt_q() { DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" > "$work/apt.log" 2>&1; }
purge() { DEBIAN_FRONTEND=noninteractive apt-get -y -q purge $pkgs > "$work/purge.log" 2>&1; }

if [ "$(id -u)" != 0 ]; then
	ok 1 "the package test runs as root (it installs packages)"
	tap_done
fi
rm -rf "$work"
mkdir -p "$work"
t0=$SECONDS
purge

# 1. The packages.
check "make deb builds the packages of $ver" "$root/scripts/make-deb.sh" "$work/deb-$ver"
lint=$(grep -c '^W: ' "$work/deb-$ver/lintian.txt" 2> /dev/null)
diag "lintian: $lint warnings (docs/install.md lists them)"
rm -rf "$work/next"
mkdir -p "$work/next"
(cd "$root" && git ls-files -z --cached --others --exclude-standard |
	while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
	cpio -0 -pdm --quiet "$work/next/tree")
{
	printf 'fwgate (%s) bookworm; urgency=medium\n\n  * Upgrade test package.\n\n' "$next"
	printf ' -- fwgate developers <dev@fwgate.invalid>  %s\n\n' "$(date -R)"
	cat "$root/debian/changelog"
} > "$work/next/tree/debian/changelog"
FWGATE_DEB_ARGS=-A "$work/next/tree/scripts/make-deb.sh" "$work/deb-$next" > "$work/next.log" 2>&1
ok $? "make deb builds fwgate-dkms $next from a tree one changelog entry newer"

# 2. Install version N.
debs=()
for p in $pkgs; do debs+=("$(ls "$work/deb-$ver/${p}_${ver}_"*.deb)"); done
apt_q install "${debs[@]}"
ok $? "apt installs ${pkgs// /, } $ver"
[ -s "$work/apt.log" ] && grep -iE 'error|warning' "$work/apt.log" | head -n 10 | sed 's/^/# /'
for k in $(ls /lib/modules); do
	[ -e "/lib/modules/$k/build/Makefile" ] || continue
	check_eq "dkms status: fwgate $ver installed for $k" \
		"$(dkms status -m fwgate -v "$ver" -k "$k" 2> /dev/null | sed 's/.*: //')" installed
	grep -iE '(^|[^-])warning' "/var/lib/dkms/fwgate/$ver/$k/x86_64/log/make.log" > "$work/warn.txt" 2> /dev/null
	[ ! -s "$work/warn.txt" ]
	ok $? "DKMS built the modules for $k without a warning"
done
# The signature: struct module_signature (12 bytes, sig_len big-endian in
# its last 4) and the magic end the module; the PKCS#7 precedes them and
# covers everything before it. openssl checks it against the DKMS cert.
verify_sig() {
	local ko=$1 d
	d=$(mktemp -d)
	python3 - "$ko" "$d" <<'PY' || { rm -rf "$d"; return 1; }
import struct, sys
data = open(sys.argv[1], "rb").read()
magic = b"~Module signature appended~\n"
if not data.endswith(magic):
    sys.exit(1)
body = data[:-len(magic)]
info, body = body[-12:], body[:-12]
siglen = struct.unpack(">I", info[8:12])[0]
open(sys.argv[2] + "/sig.p7", "wb").write(body[-siglen:])
open(sys.argv[2] + "/content", "wb").write(body[:-siglen])
PY
	openssl x509 -inform DER -in /var/lib/dkms/mok.pub -out "$d/cert.pem" 2> /dev/null ||
		cp /var/lib/dkms/mok.pub "$d/cert.pem"
	openssl cms -verify -binary -inform DER -in "$d/sig.p7" -content "$d/content" \
		-certfile "$d/cert.pem" -nointern -noverify -out /dev/null 2> "$d/err"
	local r=$?
	rm -rf "$d"
	return $r
}
for m in $mods; do
	ko=/lib/modules/$kver/updates/dkms/$m.ko
	check "$m.ko for $kver carries a valid signature by /var/lib/dkms/mok.pub" verify_sig "$ko"
done
check "modprobe resolves fwctl_sim -> fwctl for $kver" \
	sh -c "modprobe -S $kver --show-depends fwctl_sim | grep -q 'updates/dkms/fwctl.ko'"
check "modprobe resolves mlx5_fwctl_sim -> mlx5_fwctl, fwctl, stock mlx5_core for $kver" \
	sh -c "modprobe -S $kver --show-depends mlx5_fwctl_sim > $work/mlx5.deps &&
	       grep -q 'updates/dkms/mlx5_fwctl.ko' $work/mlx5.deps &&
	       grep -q 'updates/dkms/fwctl.ko' $work/mlx5.deps &&
	       grep -q 'kernel/drivers/net/ethernet/mellanox/mlx5/core/mlx5_core.ko' $work/mlx5.deps"
check "modprobe resolves wlan_sim -> sap_host for $kver" \
	sh -c "modprobe -S $kver --show-depends wlan_sim | grep -q 'updates/dkms/sap_host.ko'"
check "the udev rule is installed" test -r /lib/udev/rules.d/60-fwctl.rules
check "csme-sim is installed" test -x /usr/sbin/csme-sim
# shellcheck disable=SC2046
gcc -Wall -Wextra -Werror $(pkg-config --cflags libfwctl) -o "$work/fwctl-consumer" \
	"$root/tests/pkg/consumer.c" $(pkg-config --libs libfwctl) > "$work/cc.log" 2>&1
ok $? "a program builds against the installed libfwctl-dev via pkg-config"
check_eq "pkg-config reports version $ver" "$(pkg-config --modversion libfwctl)" "$ver"
cc -static -Wall $(pkg-config --cflags libfwctl) -o "$work/fwctl-consumer-static" \
	"$root/tests/pkg/consumer.c" $(pkg-config --static --libs libfwctl) > /dev/null 2>&1
ok $? "... and links statically with the installed libfwctl.a"

# 3. The VM, with an upgrader answering the guest's request meanwhile.
vmout=$build/vm/out-pkg-vm
# run-vm.sh empties it too, but a request left by an earlier run must not
# start the upgrader before the VM does.
rm -rf "$vmout"
(
	while [ ! -e "$vmout/upgrade-request" ]; do
		sleep 1
		[ -e "$work/vm-finished" ] && exit 0
	done
	if DEBIAN_FRONTEND=noninteractive apt-get -y -q install \
		"$work/deb-$next/fwgate-dkms_${next}_all.deb" > "$work/upgrade.log" 2>&1; then
		echo ok > "$vmout/upgrade-done"
	else
		echo failed > "$vmout/upgrade-done"
	fi
) &
upgrader=$!
FWGATE_VM_RESULTS=pkg-vm FWGATE_TESTS=TESTS.pkg \
	FWGATE_VM_APPEND="fwgate.load=none fwgate.pkgold=$ver fwgate.pkgnew=$next" \
	"$root/tests/vm/run-vm.sh" test > "$work/vm.log" 2>&1
touch "$work/vm-finished"
wait $upgrader
check "the upgrade ran while the VM ran" test -s "$work/upgrade.log"
# (apt's log ends lines with CR LF)
grep -q "upgraded from $ver to $next" "$work/upgrade.log" &&
	grep -q "running the old version until reloaded" "$work/upgrade.log" &&
	grep -q "modprobe -r" "$work/upgrade.log"
ok $? "the upgrade told the user the old modules are still loaded and how to reload"
grep "^fwgate-dkms:" "$work/upgrade.log" | sed 's/^/# /'
check_eq "dkms status after the upgrade: only $next" \
	"$(dkms status -m fwgate -k "$kver" 2> /dev/null | sed 's/,.*//')" "fwgate/$next"

# 4. Purge: nothing left behind.
files=$(dpkg -L $pkgs 2> /dev/null | sort -u)
purge
ok $? "apt purges ${pkgs// /, }"
check_eq "no fwgate package is left" "$(dpkg -l $pkgs 2> /dev/null | grep -c '^[ir]')" 0
check_eq "dkms knows no fwgate" "$(dkms status -m fwgate 2> /dev/null)" ""
left=
for f in $files; do
	[ -d "$f" ] && continue
	{ [ -e "$f" ] || [ -L "$f" ]; } && left="$left $f"
done
check_eq "no file of the packages is left" "$left" ""
check_eq "no /usr/src/fwgate-* is left" "$(ls -d /usr/src/fwgate-* 2> /dev/null)" ""
check_eq "no /var/lib/dkms/fwgate is left" "$(ls -d /var/lib/dkms/fwgate 2> /dev/null)" ""
ko_left=
for m in $mods; do ko_left="$ko_left$(ls /lib/modules/*/updates/dkms/$m.ko* 2> /dev/null)"; done
check_eq "no fwgate module is left under /lib/modules" "$ko_left" ""
check "depmod forgot them: modprobe finds no fwctl_sim for $kver" \
	sh -c "! modprobe -S $kver --show-depends fwctl_sim"
diag "package test took $((SECONDS - t0)) s"
tap_failed_saved=$tap_failed
echo 0 > "$res/pkg.rc"
[ "$tap_failed_saved" = 0 ] || echo 1 > "$res/pkg.rc"
tap_done
