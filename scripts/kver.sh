#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the newest installed Debian -amd64 kernel that has both an image in
# /boot and headers (a build tree) in /lib/modules: the one the VM boots and
# the modules are built against.
for dir in $(ls -d /lib/modules/*-amd64 2>/dev/null | sort -V -r); do
	kver=${dir#/lib/modules/}
	if [ -r "/boot/vmlinuz-$kver" ] && [ -e "$dir/build/Makefile" ]; then
		echo "$kver"
		exit 0
	fi
done
exit 1
