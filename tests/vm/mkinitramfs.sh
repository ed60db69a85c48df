#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the initramfs that boots the test VM: busybox, the virtio/9p modules
# of the guest kernel, and an init that mounts the host root over 9p and
# runs tests/vm/guest.sh inside it. Usage: mkinitramfs.sh KVER OUTPUT
set -euo pipefail

kver=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

mkdir -p "$stage"/{bin,dev,proc,sys,mnt,lib/mod}
cp /bin/busybox "$stage/bin/busybox"
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev \
	 virtio_pci netfs fscache 9pnet 9pnet_virtio 9p; do
	# kver "builtin": a kernel with virtio and 9p built in needs none
	[ "$kver" = builtin ] && break
	ko=$(find "/lib/modules/$kver/kernel" -name "$m.ko*" | head -n 1)
	[ -n "$ko" ] || { echo "mkinitramfs: module $m missing for $kver" >&2; exit 1; }
	case $ko in
	*.xz) xz -dc "$ko" > "$stage/lib/mod/$m.ko" ;;
	*.zst) zstd -qdc "$ko" > "$stage/lib/mod/$m.ko" ;;
	*) cp "$ko" "$stage/lib/mod/$m.ko" ;;
	esac
	echo "$m" >> "$stage/lib/mod/order"
done
touch "$stage/lib/mod/order"
install -m 0755 "$here/init" "$stage/init"
(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
