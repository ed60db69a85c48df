#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Userspace unit tests (ASan/UBSan) and bounded fuzzing. Each directory under
# tests/unit/ has a Makefile that builds $(O)/test_* and, with target fuzz,
# $(O)/fuzz_*; a fuzzer fuzz_X runs from the seed corpus tests/fuzz/*/corpus/X.
# FWGATE_FUZZ_SECONDS (default 12) bounds each fuzzer.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
res=$build/results/unit
fuzz_s=${FWGATE_FUZZ_SECONDS:-12}
rm -rf "$res"
mkdir -p "$res"

record() { # name rc: the .tap file is already written
	echo "$2" > "$res/$1.rc"
}

for dir in "$root"/tests/unit/*/; do
	group=$(basename "$dir")
	o=$build/unit/$group
	mkdir -p "$o"
	if ! make -s -C "$dir" O="$o" > "$res/$group-build.tap" 2>&1; then
		echo "not ok 1 - build of tests/unit/$group" >> "$res/$group-build.tap"
		record "$group-build" 1
		continue
	fi
	rm -f "$res/$group-build.tap"
	for t in "$o"/test_*; do
		[ -x "$t" ] || continue
		name=$group-$(basename "$t")
		timeout -k 5 300 "$t" > "$res/$name.tap" 2>&1
		record "$name" $?
	done

	command -v clang > /dev/null || continue
	if ! make -s -C "$dir" O="$o" fuzz > "$res/$group-fuzz-build.tap" 2>&1; then
		echo "not ok 1 - fuzz build of tests/unit/$group" >> "$res/$group-fuzz-build.tap"
		record "$group-fuzz-build" 1
		continue
	fi
	rm -f "$res/$group-fuzz-build.tap"
	for f in "$o"/fuzz_*; do
		[ -x "$f" ] || continue
		fname=$(basename "$f")
		seeds=$(ls -d "$root"/tests/fuzz/*/corpus/"${fname#fuzz_}" 2>/dev/null | head -n 1)
		work=$(mktemp -d)
		[ -n "$seeds" ] && cp -r "$seeds"/. "$work"/
		name=$group-$fname
		timeout -k 5 $((fuzz_s + 60)) "$f" -max_total_time="$fuzz_s" \
			-rss_limit_mb=2048 -artifact_prefix="$work/" "$work" \
			> "$res/$name.log" 2>&1
		rc=$?
		{
			echo "TAP version 13"
			runs=$(grep -Eo 'Done [0-9]+ runs' "$res/$name.log" | tail -n 1)
			if [ "$rc" = 0 ]; then
				echo "ok 1 - $fname: ${fuzz_s}s from the seed corpus, no crash ($runs)"
			else
				echo "not ok 1 - $fname: crashed or failed (exit $rc), see $res/$name.log"
				grep -E '^(==|SUMMARY|artifact)' "$res/$name.log" | head -n 20 | sed 's/^/# /'
			fi
			echo "1..1"
		} > "$res/$name.tap"
		record "$name" 0
		rm -rf "$work"
	done
done
