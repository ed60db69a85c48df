#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot the Debian kernel in QEMU (TCG), share the host root read-only over
# virtio-9p, and run the guest side in MODE (test, demo or bench).
#   tests/vm/run-vm.sh [test|demo|bench]
# Environment: FWGATE_KERNEL (kernel image), FWGATE_KVER (its module tree),
# FWGATE_VM_TIMEOUT (seconds; default: in test mode the sum of the per-test
# timeouts of the test list plus 180 s for boot and module loads, else 900),
# FWGATE_VM_APPEND (extra cmdline),
# FWGATE_VM_MEM (MiB, default 2048), FWGATE_VM_RESULTS (name of the
# results directory under build/results and build/vm/out-*, default vm).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
mode=${1:-test}
build=$root/build
kver=${FWGATE_KVER:-$("$root/scripts/kver.sh")}
kernel=${FWGATE_KERNEL:-/boot/vmlinuz-$kver}
tests=${FWGATE_TESTS:-TESTS}

# Each test has its own hard timeout inside the VM, so the whole run is
# bounded by their sum; the VM's own limit only catches a hung guest.
if [ "$mode" = test ]; then
	default_timeout=$(awk '$1 !~ /^#/ && NF >= 2 { s += $2 } END { print s + 180 }' \
		"$root/tests/vm/$tests")
else
	default_timeout=900
fi
timeout_s=${FWGATE_VM_TIMEOUT:-$default_timeout}
[ -r "$kernel" ] || { echo "run-vm: no kernel image $kernel (run scripts/setup.sh)" >&2; exit 2; }
# The machine has two cores: never run two VMs at once. Every run (test,
# demo, bench, the debug lane) waits here for the one before it.
exec 9> "${FWGATE_VM_LOCK:-/tmp/fwgate-vm.lock}"
if ! flock -n 9; then
	echo "# run-vm: waiting for another VM run to finish"
	flock 9
fi
mkdir -p "$build/vm"
initrd=$build/vm/initramfs-$kver.cpio.gz
if [ ! -s "$initrd" ] || [ "$root/tests/vm/init" -nt "$initrd" ] ||
   [ "$root/tests/vm/mkinitramfs.sh" -nt "$initrd" ]; then
	"$root/tests/vm/mkinitramfs.sh" "$kver" "$initrd" || exit 2
fi

results=${FWGATE_VM_RESULTS:-vm}
out=$build/vm/out-$mode
[ "$results" = vm ] || out=$build/vm/out-$results
rm -rf "$out"
mkdir -p "$out"

# A soft lockup panics the guest (which then powers off) instead of leaving
# a test stuck in the kernel, where its timeout cannot kill it, until the
# VM limit; on panic the whole kernel log is replayed to the console.
echo "# booting $kernel in QEMU (TCG, 2 vCPUs), mode $mode"
timeout -k 10 "$timeout_s" qemu-system-x86_64 \
	-accel tcg,thread=multi -cpu max -smp 2 -m "${FWGATE_VM_MEM:-2048}" \
	-nographic -no-reboot -nic none \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 quiet panic=-1 oops=panic softlockup_panic=1 panic_print=0x10 fwgate.root=$root fwgate.mode=$mode fwgate.tests=$tests ${FWGATE_VM_APPEND:-}" \
	-fsdev local,id=hostroot,path=/,security_model=none,readonly=on,multidevs=remap \
	-device virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot \
	-fsdev local,id=results,path="$out",security_model=none,multidevs=remap \
	-device virtio-9p-pci,fsdev=results,mount_tag=results \
	< /dev/null 2>&1 | tee "$build/vm/console-$mode.log" |
	if [ -n "${FWGATE_VM_STREAM:-}" ]; then cat; else cat > /dev/null; fi
qrc=${PIPESTATUS[0]}
[ -n "${FWGATE_VM_STREAM:-}" ] || cat "$build/vm/console-$mode.log"
[ "$qrc" = 124 ] && echo "# run-vm: the VM did not finish within ${timeout_s}s"

[ "$mode" = test ] || { [ -e "$out/done" ]; exit $?; }

# Hand the results to the summary, plus one check of our own: the kernel log.
res=$build/results/$results
rm -rf "$res"
mkdir -p "$res"
while read -r name _; do
	case $name in ''|'#'*) continue ;; esac
	if [ -e "$out/$name.rc" ]; then
		cp "$out/$name.tap" "$res/$name.tap"
		cp "$out/$name.rc" "$res/$name.rc"
	else
		[ -n "${stopped:-}" ] || stopped=$name
		{
			echo "not ok 1 - $name did not run (VM crashed or timed out)"
			# the test the VM stopped in: what it had printed
			[ -s "$out/$name.tap" ] && tail -n 40 "$out/$name.tap" | sed 's/^/# /'
		} > "$res/$name.tap"
		echo 1 > "$res/$name.rc"
	fi
done < "$root/tests/vm/$tests"

{
	echo "TAP version 13"
	if [ -e "$out/done" ]; then
		echo "ok 1 - the VM ran the whole suite and powered off"
	else
		# Why not: the test it stopped in and the first kernel report
		# on the console go in the line itself (CI lists the failing
		# lines alone); that report and what follows it (a panic
		# replays the whole log), else the console's end, as comments.
		con=$build/vm/console-$mode.log
		first=$(grep -n -m1 -E "$(cat "$root/tests/vm/kernel-log-errors")|watchdog:" \
			"$con" 2>/dev/null | tr -d '\r')
		why=$(printf '%s' "${first#*:}" | sed 's/^\[ *[0-9.]*\] //' | cut -c1-160)
		limit=
		[ "$qrc" = 124 ] && limit="; the VM limit of ${timeout_s}s ran out"
		echo "not ok 1 - the VM ran the whole suite and powered off" \
			"(stopped in ${stopped:-?}$limit${why:+; console: $why})"
		if [ -n "$first" ]; then
			tail -n "+${first%%:*}" "$con" | head -n 60
		else
			tail -n 30 "$con"
		fi | tr -d '\r' | sed 's/\x1b[[0-9;?]*[a-zA-Z]//g; s/^/# console: /'
	fi
	bad=$(grep -E "$(cat "$root/tests/vm/kernel-log-errors")" "$out/dmesg.txt" 2>/dev/null)
	if [ -e "$out/dmesg.txt" ] && [ -z "$bad" ]; then
		echo "ok 2 - kernel log has no WARN, BUG, oops, lockdep, KASAN or UBSAN report"
	else
		echo "not ok 2 - kernel log has no WARN, BUG, oops, lockdep, KASAN or UBSAN report"
		if [ -e "$out/dmesg.txt" ]; then
			printf '%s\n' "$bad" | head -n 40 | sed 's/^/# /'
		else
			echo "# no kernel log: the guest did not get to save it"
		fi
	fi
	n=2
	if [ -e "$out/kmemleak.txt" ]; then
		n=3
		if [ -s "$out/kmemleak.txt" ]; then
			echo "not ok 3 - kmemleak found no leak"
			head -n 40 "$out/kmemleak.txt" | sed 's/^/# /'
		else
			echo "ok 3 - kmemleak found no leak"
		fi
	fi
	echo "# kernel taint after the run: $(cat "$out/tainted" 2>/dev/null)"
	echo "1..$n"
} > "$res/vm-kernel.tap"
echo 0 > "$res/vm-kernel.rc"
cp "$out/dmesg.txt" "$build/vm/dmesg-test.txt" 2>/dev/null
exit 0
