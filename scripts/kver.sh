#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the Debian kernel the VM boots and the modules are built against: the
# newest installed one of flavour $FWGATE_FLAVOUR (default: amd64, the generic
# kernel; also cloud-amd64 or rt-amd64) that has both an image in /boot and
# headers (a build tree) in /lib/modules. $FWGATE_KVER names one exactly.
flavour=${FWGATE_FLAVOUR:-amd64}
if [ -n "${FWGATE_KVER:-}" ]; then
	set -- "/lib/modules/$FWGATE_KVER"
else
	set -- $(ls -d /lib/modules/*-"$flavour" 2>/dev/null | sort -V -r)
fi
for dir in "$@"; do
	kver=${dir#/lib/modules/}
	# "-amd64" must not match "-rt-amd64" or "-cloud-amd64".
	case "${FWGATE_KVER:+named}:$flavour:$kver" in
	:amd64:*-rt-amd64 | :amd64:*-cloud-amd64) continue ;;
	esac
	if [ -r "/boot/vmlinuz-$kver" ] && [ -e "$dir/build/Makefile" ]; then
		echo "$kver"
		exit 0
	fi
done
exit 1
