#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run the benchmarks in the VM and print their "bench:" lines: each figure is
# a ratio against a baseline measured in the same run.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tests/vm/run-vm.sh" bench > /dev/null
grep -ao 'bench:.*' "$root/build/vm/console-bench.log" || {
	echo "bench: no result, see build/vm/console-bench.log" >&2
	exit 1
}
