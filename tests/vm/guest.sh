#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Runs inside the test VM, chrooted into the host root (read-only over 9p).
# Loads the freshly built modules and runs, in order, what tests/vm/TESTS
# lists (test mode), the demo, or the benchmarks. Results go to the writable
# share at /run/fwgate-out, which the host reads after the VM powers off.
set -u
root=$1
mode=$2
out=/run/fwgate-out
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
arg() { sed -n "s/.*\bfwgate\.$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
# The debug lane builds the modules in a copy of the tree: fwgate.moddir.
moddir=$(arg moddir)
tests=$(arg tests)
export FWGATE=$root FWGATE_MODDIR=${moddir:-$root} HOME=/tmp TERM=dumb
cd /tmp || exit 1

mount -t debugfs debugfs /sys/kernel/debug
mount -t securityfs securityfs /sys/kernel/security
ip link set lo up 2>/dev/null
# Keep kernel chatter off the console; the log is checked afterwards.
dmesg -n 1

load_modules() {
	insmod "$FWGATE_MODDIR/drivers/fwctl/fwctl.ko" &&
	insmod "$FWGATE_MODDIR/drivers/fwctl/sim/fwctl_sim.ko"
}

run_tests() {
	local name tmo cmd rc
	while read -r name tmo cmd; do
		case $name in ''|'#'*) continue ;; esac
		echo "# vm test: $name"
		start=$(date +%s)
		timeout -k 5 "$tmo" bash -c "$cmd" > "$out/$name.tap" 2>&1
		rc=$?
		echo "# vm test $name took $(( $(date +%s) - start ))s," \
			"$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo) MiB" \
			"available after it" >> "$out/$name.tap"
		# a test that injects faults must not leave them on for the next
		[ -w /sys/kernel/debug/failslab/probability ] &&
			echo 0 > /sys/kernel/debug/failslab/probability
		echo "$rc" > "$out/$name.rc"
		sed 's/^/    /' "$out/$name.tap"
		[ "$rc" = 124 ] && echo "# vm test $name: timed out after ${tmo}s"
	done < "$root/tests/vm/${tests:-TESTS}"
}

# kmemleak (debug kernel): scan twice, as it recommends, after the tests.
kmemleak_scan() {
	local k=/sys/kernel/debug/kmemleak
	[ -e $k ] || return 0
	echo scan > $k; sleep 5; echo scan > $k
	cat $k > "$out/kmemleak.txt"
}

# fwgate.load=none: load nothing of the build tree (the package test
# uses only the installed modules, through modprobe).
if [ "$(arg load)" = none ] || load_modules; then
	case $mode in
	test) run_tests ;;
	demo) bash "$root/scripts/demo-guest.sh" 2>&1 | tee "$out/demo.log" ;;
	bench) bash "$root/bench/run-guest.sh" 2>&1 | tee "$out/bench.log" ;;
	*) echo "guest: unknown mode '$mode'" ;;
	esac
else
	echo "guest: loading the fwgate modules failed"
fi
kmemleak_scan
dmesg > "$out/dmesg.txt"
cat /proc/sys/kernel/tainted > "$out/tainted"
echo done > "$out/done"
