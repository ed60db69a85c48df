#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The whole test run: userspace unit tests and fuzzing, then the VM suite.
# Ends with one line "N passed, N failed"; exit status 0 only if none failed.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
rm -rf "$build/results"
mkdir -p "$build/results"

echo "# unit tests and fuzzing"
"$root/tests/run-unit.sh"
echo "# VM suite"
"$root/tests/vm/run-vm.sh" test > "$build/vm-run.log" 2>&1
FWGATE_TESTS=TESTS.lockdown FWGATE_VM_RESULTS=vm-lockdown \
	"$root/tests/vm/run-vm.sh" test > "$build/vm-lockdown-run.log" 2>&1
tail -n 5 "$build/vm-run.log" | grep -E '^# run-vm' || true
if [ -n "${FWGATE_PACKAGE_TESTS:-}" ]; then
	# scripts/test.sh (CI): the modules against every kernel flavour, and
	# the Debian packages built, installed, upgraded and purged (as root).
	echo "# kernel flavours"
	"$root/tests/flavours.sh" > "$build/flavours.log" 2>&1
	echo "# Debian packages"
	"$root/tests/pkg/run.sh" > "$build/pkg-run.log" 2>&1
fi
grep -h -B2 -A8 '^not ok' "$build"/results/*/*.tap 2>/dev/null | head -n 80
# A VM that died: what its console said (tests/vm/run-vm.sh)
grep -h '^# console: ' "$build"/results/*/vm-kernel.tap 2>/dev/null | head -n 60
"$root/tests/summarize.sh" "$build/results"
