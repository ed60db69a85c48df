#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make deb: build the Debian packages (debian/) from this tree with
# dpkg-buildpackage, in a clean copy under build/deb/, so that neither the
# tree nor its parent directory gets build products. The .deb files end in
# build/deb/; lintian's report in build/deb/lintian.txt.
#   scripts/make-deb.sh [OUTDIR]   (default build/deb)
# FWGATE_DEB_ARGS: the dpkg-buildpackage build type, default: the source
# package and every binary package; -A: only the fwgate-dkms binary.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/deb}
ver=$("$root/scripts/version.sh" "$root")
src=$out/fwgate-$ver

for tool in dpkg-buildpackage dh dh_dkms fakeroot lintian; do
	command -v "$tool" > /dev/null ||
		{ echo "make-deb: $tool missing (scripts/setup.sh installs it)" >&2; exit 2; }
done
rm -rf "$out"
mkdir -p "$src"
# The tracked files plus new, not ignored ones: never build products.
if [ "$(git -C "$root" rev-parse --show-toplevel 2> /dev/null)" = "$root" ]; then
	(cd "$root" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		cpio -0 -pdm --quiet "$src")
else
	(cd "$root" && tar -c --exclude=./build --exclude=./.git --exclude='*.o' --exclude='*.ko' \
		--exclude='*.mod*' --exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order . ) |
		tar -x -C "$src"
fi
(cd "$src" && dpkg-buildpackage -us -uc ${FWGATE_DEB_ARGS:-}) > "$out/build.log" 2>&1 ||
	{ tail -n 40 "$out/build.log" >&2; echo "make-deb: dpkg-buildpackage failed ($out/build.log)" >&2; exit 1; }
changes=$(ls "$out"/fwgate_"$ver"_*.changes)
lintian --info --display-info "$changes" > "$out/lintian.txt" 2>&1 || true
echo "make-deb: packages in $out:"
ls "$out"/*.deb | sed 's/^/  /'
if grep -q '^E: ' "$out/lintian.txt"; then
	echo "make-deb: lintian errors:" >&2
	grep '^E: ' "$out/lintian.txt" >&2
	exit 1
fi
echo "make-deb: lintian: no errors, $(grep -c '^W: ' "$out/lintian.txt") warnings ($out/lintian.txt)"
