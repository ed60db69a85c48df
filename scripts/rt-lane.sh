#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The PREEMPT_RT lane: install Debian 12's rt-amd64 kernel and headers,
# build the modules against them in a copy of the tree, boot that kernel in
# the VM and run the whole suite (tests/vm/TESTS). Any WARN, BUG, lockdep
# or "sleeping function called from invalid context" report fails it, as in
# the default lane. Not part of CI (see README for its duration).
# scripts/kver.sh picks the amd64 flavour by default, so the rt kernel this
# installs never changes what the other commands build or boot.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/setup.sh
need=()
for p in linux-image-rt-amd64 linux-headers-rt-amd64; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi
kver=$(FWGATE_FLAVOUR=rt-amd64 ./scripts/kver.sh)
grep -q '^CONFIG_PREEMPT_RT=y' "/boot/config-$kver" ||
	{ echo "rt-lane: $kver is not a PREEMPT_RT kernel" >&2; exit 1; }

start=$SECONDS
make -s user
src=$root/build/rt/src
rm -rf "$src"
mkdir -p "$src"
tar -c --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.ko' \
	--exclude='*.mod*' --exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order \
	Kbuild Makefile scripts drivers include bench debian/changelog | tar -x -C "$src"
make -s -C "/lib/modules/$kver/build" M="$src" FWGATE="$src" modules 2>&1 | grep -v 'Skipping BTF' || true

rm -rf build/results
FWGATE_KVER=$kver FWGATE_KERNEL=/boot/vmlinuz-$kver FWGATE_VM_APPEND="fwgate.moddir=$src" \
	tests/vm/run-vm.sh test > build/rt/vm-run.log 2>&1 || true
grep -h -B2 -A8 '^not ok' build/results/*/*.tap 2>/dev/null | head -n 80
tests/summarize.sh build/results && rc=0 || rc=1
echo "rt lane: kernel $kver, $((SECONDS - start)) s, taint $(cat build/vm/out-test/tainted 2>/dev/null)"
exit $rc
