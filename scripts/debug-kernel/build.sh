#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build (once per machine) the debug kernel of the debug lane from Debian's
# linux-source-6.1: KASAN, lockdep, atomic-sleep checks, kmemleak, UBSAN and
# failslab, with 9p/virtio/veth/netns built in so the VM needs no modules.
# The result is cached outside the repo, keyed by the config fragment and
# the source package version, in $FWGATE_CACHE (default /var/cache/fwgate).
# Prints the cache directory on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${FWGATE_CACHE:-/var/cache/fwgate}
tarball=/usr/src/linux-source-6.1.tar.xz
[ -r "$tarball" ] || { echo "debug-kernel: $tarball missing (apt-get install linux-source-6.1)" >&2; exit 2; }

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$( (cat "$here/fwgate-debug.config"; echo "$srcver") | sha256sum | cut -c1-16)
dir=$cache/debug-kernel-$key
if [ -e "$dir/done" ]; then
	echo "$dir"
	exit 0
fi

mkdir -p "$dir"
if [ ! -e "$dir/src/Makefile" ]; then
	rm -rf "$dir/src"
	mkdir -p "$dir/src"
	tar -xJf "$tarball" -C "$dir/src" --strip-components=1
fi
cd "$dir/src"
make -s x86_64_defconfig
scripts/kconfig/merge_config.sh -m .config kernel/configs/kvm_guest.config \
	"$here/fwgate-debug.config" > /dev/null
make -s olddefconfig
# Fail early if a requested option did not survive olddefconfig.
missing=0
while IFS= read -r line; do
	case $line in CONFIG_*=y) grep -qx "$line" .config || { echo "debug-kernel: $line did not stick" >&2; missing=1; } ;; esac
done < "$here/fwgate-debug.config"
[ "$missing" = 0 ] || exit 1
make -s -j"$(nproc)" bzImage
make -s modules_prepare
cp arch/x86/boot/bzImage "$dir/bzImage"
touch "$dir/done"
echo "$dir"
