#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install what fwgate needs on Debian 12, with apt. Idempotent: does nothing
# when everything is there. Must run as root (or with sudo available).
set -euo pipefail
pkgs=(
	make gcc libc6-dev pkg-config xz-utils cpio kmod util-linux
	clang libclang-rt-14-dev llvm
	linux-image-amd64 linux-headers-amd64
	qemu-system-x86 busybox-static
	iproute2 python3 jq curl sparse
	amtterm libsoap-lite-perl wsl libxml2-utils uuid-runtime
	dkms dh-dkms debhelper dpkg-dev fakeroot lintian openssl udev
	linux-headers-cloud-amd64 linux-headers-rt-amd64
)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
	sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	echo "setup: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi
kver=$("$(dirname "$0")/kver.sh") || {
	echo "setup: no Debian -amd64 kernel with matching headers is installed" >&2
	exit 1
}
echo "setup: ready (guest kernel and headers $kver)"
