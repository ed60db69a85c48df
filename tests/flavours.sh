#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the shipped modules against the headers of every Debian 12 kernel
# flavour (amd64, cloud-amd64, rt-amd64 = PREEMPT_RT), each in its own copy
# of the tree, and require a build without any warning; check that the
# modules built are exactly those debian/fwgate-dkms.dkms lists for that
# kernel, also for a kernel with CONFIG_FWCTL (6.15+, simulated by setting
# it on the amd64 build's command line: no module of drivers/fwctl/).
# TAP in build/results/flavours/flavours.tap. About 10 s per build here.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
res=$build/results/flavours
mkdir -p "$res"
exec > >(tee "$res/flavours.tap") 2>&1
. "$root/tests/lib/tap.sh"
echo 1 > "$res/flavours.rc"
# The modules dkms.conf lists for a kernel whose headers (.config) are in
# $1, with this tree as the installed source (/usr/src/fwgate-VERSION).
ver=$("$root/scripts/version.sh" "$root")
srctree=$build/flavours/usr-src
mkdir -p "$srctree"
ln -sfn "$root" "$srctree/fwgate-$ver"
sed "s/#MODULE_VERSION#/$ver/" "$root/debian/fwgate-dkms.dkms" > "$srctree/dkms.conf"
dkms_list() {
	bash -c 'kernel_source_dir=$1; source_tree=$2
		. "$2/dkms.conf"; printf "%s\n" "${BUILT_MODULE_NAME[@]}"' \
		- "$1" "$srctree" | sort | tr '\n' ' '
}
fake=$build/flavours/fwctl-kernel
mkdir -p "$fake"
echo CONFIG_FWCTL=m > "$fake/.config"
# Such a kernel exports the fwctl core (namespace FWCTL) that sap_host's
# fwctl device uses: its Module.symvers entries, as the kernel would list them.
for sym in _fwctl_alloc_device fwctl_register fwctl_unregister; do
	printf '0x00000000\t%s\tdrivers/fwctl/fwctl\tEXPORT_SYMBOL_GPL\tFWCTL\n' "$sym"
done > "$fake/Module.symvers"
for flavour in amd64 cloud-amd64 rt-amd64 amd64+fwctl; do
	extra=
	kconfig=
	case $flavour in
	*+fwctl) extra="CONFIG_FWCTL=m KBUILD_EXTRA_SYMBOLS=$fake/Module.symvers"; kconfig=$fake ;;
	esac
	kver=$(FWGATE_FLAVOUR=${flavour%+*} "$root/scripts/kver.sh" --headers-only)
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
	make -C "/lib/modules/$kver/build" M="$src" FWGATE="$src" FWGATE_SHIP=y $extra modules \
		> "$src/build.log" 2>&1
	ok $? "the modules build against $kver ($flavour)"
	grep -iE '(^|[^-])warning' "$src/build.log" > "$src/warnings.txt"
	[ ! -s "$src/warnings.txt" ]
	ok $? "... without a warning"
	head -n 20 "$src/warnings.txt" | sed 's/^/# /'
	built=$(find "$src" -name '*.ko' -printf '%f\n' | sed 's/\.ko$//' | sort | tr '\n' ' ')
	# modinfo metadata of every module (checked once, on the first build).
	if [ "$flavour" = amd64 ]; then
		for ko in $(find "$src" -name '*.ko' | sort); do
			m=$(basename "$ko" .ko)
			miss=
			for field in description author license version; do
				[ -n "$(modinfo -F $field "$ko")" ] || miss="$miss $field"
			done
			# a parameter without MODULE_PARM_DESC shows as "name:(type)"
			undesc=$(modinfo -F parm "$ko" | grep -E '^[^:]+:[[:space:]]*\(' | cut -d: -f1 | tr '\n' ' ')
			check_eq "$m has description, author, license and version ($ver) and describes its parameters" \
				"${miss:+missing$miss}${undesc:+ undescribed parms: $undesc}$(modinfo -F version "$ko" | grep -vx "$ver")" ""
		done
	fi
	check_eq "... exactly the modules dkms.conf lists for it" \
		"$built" "$(dkms_list "${kconfig:-/lib/modules/$kver/build}")"
done
n_fail=$tap_failed
[ "$n_fail" = 0 ] && echo 0 > "$res/flavours.rc"
tap_done
