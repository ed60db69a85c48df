#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The debug lane: build (once, cached) a 6.1 kernel with KASAN, lockdep,
# atomic-sleep checks, kmemleak, UBSAN and failslab; build fwgate's modules
# against it in a copy of the tree; boot it and run tests/vm/TESTS.debug
# (the whole suite, the fuzzer at 1,000,000 calls, 1000 stress cycles, the
# failslab run). Any checker report fails the run. About 30 minutes for the
# first kernel build on 2 cores, then ~15 minutes per run.
# FWGATE_DEBUG_TESTS names another list in tests/vm (e.g. TESTS.debug-sap).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/setup.sh
need=()
for p in linux-source-6.1 bc flex bison libelf-dev libssl-dev rsync; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
fi

kdir=$(./scripts/debug-kernel/build.sh | tail -n 1)
make -s user
src=$root/build/debug/src
rm -rf "$src"
mkdir -p "$src"
rsync -a --exclude /build --exclude /.git "$root/" "$src/"
# modules_prepare leaves no Module.symvers; the kernel's own exports are in
# vmlinux.symvers, which modpost needs to check our modules' imports.
[ -e "$kdir/src/Module.symvers" ] || cp "$kdir/src/vmlinux.symvers" "$kdir/src/Module.symvers"
make -s -C "$kdir/src" M="$src" FWGATE="$src" modules
# sap_load's lossy air link needs sch_netem, which the debug kernel's
# config leaves out: built here from the same source, loaded by the test
# lines of tests/vm/TESTS.debug and TESTS.debug-sap
extra=$root/build/debug/extra
rm -rf "$extra"
if ! grep -q '^CONFIG_NET_SCH_NETEM=' "$kdir/src/.config"; then
	mkdir -p "$extra"
	cp "$kdir/src/net/sched/sch_netem.c" "$extra/"
	echo 'obj-m := sch_netem.o' > "$extra/Kbuild"
	make -s -C "$kdir/src" M="$extra" modules
fi

rm -rf build/results
if [ -z "${FWGATE_DEBUG_TESTS:-}" ]; then
	# the lockdown test that loads modules first boots alone (TESTS.lockdown)
	FWGATE_KERNEL=$kdir/bzImage FWGATE_KVER=builtin FWGATE_TESTS=TESTS.lockdown \
	FWGATE_VM_RESULTS=vm-lockdown FWGATE_VM_TIMEOUT=1500 FWGATE_VM_MEM=4096 \
	FWGATE_VM_APPEND="fwgate.moddir=$src kmemleak=on" \
		tests/vm/run-vm.sh test > build/debug/vm-lockdown-run.log 2>&1 || true
fi
FWGATE_KERNEL=$kdir/bzImage FWGATE_KVER=builtin FWGATE_TESTS=${FWGATE_DEBUG_TESTS:-TESTS.debug} \
FWGATE_VM_TIMEOUT=5000 FWGATE_VM_MEM=4096 \
FWGATE_VM_APPEND="fwgate.moddir=$src kmemleak=on" \
	tests/vm/run-vm.sh test > build/debug/vm-run.log 2>&1 || true

calls=$(grep -ho 'calls=[0-9]*' build/results/vm/fwctl_fuzz.tap 2>/dev/null | cut -d= -f2)
reports=$(grep -Ec "$(cat tests/vm/kernel-log-errors)" build/vm/out-test/dmesg.txt 2>/dev/null || true)
leaks=$(grep -c '^unreferenced object' build/vm/out-test/kmemleak.txt 2>/dev/null || true)
taint=$(cat build/vm/out-test/tainted 2>/dev/null || echo unknown)
tests/summarize.sh build/results && rc=0 || rc=1
echo "debug lane: fuzz calls ${calls:-0}, checker reports $((${reports:-0} + ${leaks:-0})) (kernel log ${reports:-0}, kmemleak ${leaks:-0}), kernel taint $taint"
exit $rc
