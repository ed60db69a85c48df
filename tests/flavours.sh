#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the shipped modules against the headers of every Debian 12 kernel
# flavour (amd64, cloud-amd64, rt-amd64 = PREEMPT_RT), each in its own copy
# of the tree, and require a build without any warning. TAP in
# build/results/flavours/flavours.tap. About 10 s per flavour here.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
res=$build/results/flavours
mkdir -p "$res"
exec > >(tee "$res/flavours.tap") 2>&1
. "$root/tests/lib/tap.sh"
echo 1 > "$res/flavours.rc"
for flavour in amd64 cloud-amd64 rt-amd64; do
	kver=$(FWGATE_FLAVOUR=$flavour "$root/scripts/kver.sh" --headers-only)
	if [ -z "$kver" ]; then
		ok 1 "linux-headers-$flavour is installed (scripts/setup.sh installs it)"
		continue
	fi
	src=$build/flavours/$flavour
	rm -rf "$src"
	mkdir -p "$src"
	(cd "$root" && tar -c --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.ko' \
		--exclude='*.mod*' --exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order \
		Kbuild Makefile scripts drivers include debian/changelog) | tar -x -C "$src"
	make -C "/lib/modules/$kver/build" M="$src" FWGATE="$src" FWGATE_SHIP=y modules \
		> "$src/build.log" 2>&1
	ok $? "the modules build against $kver ($flavour)"
	grep -iE '(^|[^-])warning' "$src/build.log" > "$src/warnings.txt"
	[ ! -s "$src/warnings.txt" ]
	ok $? "... without a warning"
	head -n 20 "$src/warnings.txt" | sed 's/^/# /'
done
n_fail=$tap_failed
[ "$n_fail" = 0 ] && echo 0 > "$res/flavours.rc"
tap_done
