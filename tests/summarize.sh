#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Count the TAP results under DIR (DIR/SUITE/NAME.tap with NAME.rc beside it)
# and print one line per program and the final "N passed, N failed".
# A program that exits non-zero without a failing assertion, or whose plan
# line is missing (it died half way), counts as one more failure. Skips are
# reported and never counted as passed. Exit status: 0 if nothing failed.
set -u
dir=$1
passed=0 failed=0 skipped=0
for tap in "$dir"/*/*.tap; do
	[ -e "$tap" ] || continue
	name=${tap#"$dir"/}
	name=${name%.tap}
	rc=$(cat "${tap%.tap}.rc" 2>/dev/null || echo 1)
	ok=$(grep -Ec '^ok [0-9]+' "$tap" | tr -d ' ')
	skip=$(grep -Eci '^ok [0-9]+.*# skip' "$tap" | tr -d ' ')
	nok=$(grep -Ec '^not ok [0-9]+' "$tap" | tr -d ' ')
	ok=$((ok - skip))
	extra=0
	if [ "$rc" != 0 ] && [ "$nok" = 0 ]; then
		extra=1
	elif ! grep -Eq '^1\.\.[0-9]+' "$tap"; then
		extra=1
	fi
	passed=$((passed + ok))
	failed=$((failed + nok + extra))
	skipped=$((skipped + skip))
	status=PASS
	[ $((nok + extra)) -gt 0 ] && status=FAIL
	printf '%-4s %-40s %4d ok %3d not ok %3d skip (exit %s)\n' \
		"$status" "$name" "$ok" "$nok" "$skip" "$rc"
done
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
