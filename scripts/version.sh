#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print fwgate's version. Its one home is the top entry of debian/changelog;
# a tree without debian/ (the DKMS source in /usr/src/fwgate-VERSION) carries
# a VERSION file that the packaging writes from that same entry.
#   scripts/version.sh [TREE]
tree=${1:-$(cd "$(dirname "$0")/.." && pwd)}
if [ -r "$tree/debian/changelog" ]; then
	v=$(sed -n '1s/^[^ ]* (\([^)]*\)).*/\1/p' "$tree/debian/changelog")
elif [ -r "$tree/VERSION" ]; then
	v=$(cat "$tree/VERSION")
fi
[ -n "${v:-}" ] || { echo "version.sh: no debian/changelog or VERSION in $tree" >&2; exit 1; }
echo "$v"
