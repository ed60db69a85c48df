#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the Debian kernel the VM boots and the modules are built against:
# the newest installed kernel of ONE flavour that has both an image in /boot
# and headers (a build tree) in /lib/modules. The flavour is FWGATE_FLAVOUR
# (amd64, cloud-amd64, rt-amd64; default amd64, the generic kernel), so
# installing another flavour's kernel (the PREEMPT_RT lane does) never
# changes what the default build and test run use. FWGATE_KVER names one
# kernel exactly.
#   scripts/kver.sh [--headers-only]
# --headers-only: the image in /boot is not required (build-only flavours,
# e.g. cloud-amd64 whose image this machine need not install).
flavour=${FWGATE_FLAVOUR:-amd64}
need_image=1
[ "${1:-}" = --headers-only ] && need_image=
if [ -n "${FWGATE_KVER:-}" ]; then
	set -- "/lib/modules/$FWGATE_KVER"
else
	set -- $(ls -d /lib/modules/*-"$flavour" 2>/dev/null | sort -V -r)
fi
for dir in "$@"; do
	kver=${dir#/lib/modules/}
	# 6.1.0-57-amd64 is flavour amd64; 6.1.0-57-rt-amd64 is not.
	[ -n "${FWGATE_KVER:-}" ] || [[ $kver =~ ^[0-9][0-9.]*-[0-9]+-${flavour}$ ]] || continue
	[ -e "$dir/build/Makefile" ] || continue
	if [ -z "$need_image" ] || [ -r "/boot/vmlinuz-$kver" ]; then
		echo "$kver"
		exit 0
	fi
done
exit 1
