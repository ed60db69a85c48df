#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fwgate demo. tests/vm/guest.sh runs it inside the VM (mode demo) once
# the fwctl and fwctl_sim modules are loaded; its output is the console.
# Two simulated devices are driven with the fwctl command: discovery, info,
# counters, configuration, a write-full RPC refused without CAP_SYS_RAWIO,
# and the taint a debug write leaves behind.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/.." && pwd)}
FWCTL=$root/build/bin/fwctl
BUS=/sys/bus/fwctl_sim
TAINT_FWCTL=$((1 << 19))

step() {
	echo
	echo "=== $*"
}

# show ARGS...: print the command line, run it, print its exit status
show() {
	echo "\$ fwctl $*"
	"$FWCTL" "$@"
	echo "[exit status $?]"
}

taint_bit() {
	local t
	t=$(< /proc/sys/kernel/tainted)
	echo "/proc/sys/kernel/tainted = $t, TAINT_FWCTL (bit 19, $TAINT_FWCTL) is $(((t & TAINT_FWCTL) ? 1 : 0))"
}

if [ ! -x "$FWCTL" ]; then
	echo "demo: $FWCTL is missing; run 'make all' first"
	exit 1
fi

step "Create two simulated fwctl devices"
for id in 1 2; do
	echo "\$ echo $id > $BUS/new_device"
	echo "$id" > "$BUS/new_device"
done

step "Discover them: every fwctl device, its type, driver, parent, node and MAJ:MIN"
show dev
step "The same as JSON, pretty-printed"
show -j -p dev

step "What the first device is: FWCTL_INFO, decoded for the simulated type"
show info fwctl_sim1
step "Ask its firmware (IDENTIFY, configuration scope)"
show sim fwctl_sim1 identify

step "Firmware counters (a debug read-only RPC; scope chosen from the catalogue)"
show sim fwctl_sim1 counters

step "Change configuration and read it back"
show sim fwctl_sim1 cfg set mtu 9000
show sim fwctl_sim1 cfg set led-mode blink
show sim fwctl_sim1 cfg
step "A value out of range: the firmware refuses it (exit status 3)"
show sim fwctl_sim1 cfg set mtu 12
step "A command below its minimum scope: the driver refuses it (exit status 2)"
show sim fwctl_sim1 counters scope configuration

step "The second device, addressed by its node and spoken to in raw bytes"
show rpc /dev/fwctl/fwctl1 scope configuration in 01000000000000000000000000000000 out-len 32

step "Kernel taint before any debug write"
taint_bit

step "A debug write-full RPC without CAP_SYS_RAWIO: the kernel refuses it (exit status 2)"
if command -v setpriv > /dev/null; then
	echo "\$ setpriv --inh-caps=-sys_rawio --bounding-set=-sys_rawio fwctl sim fwctl_sim1 mem read 0 16"
	setpriv --inh-caps=-sys_rawio --bounding-set=-sys_rawio "$FWCTL" sim fwctl_sim1 mem read 0 16
	echo "[exit status $?]"
elif command -v capsh > /dev/null; then
	echo "\$ capsh --drop=cap_sys_rawio -- -c 'fwctl sim fwctl_sim1 mem read 0 16'"
	capsh --drop=cap_sys_rawio -- -c "$FWCTL sim fwctl_sim1 mem read 0 16"
	echo "[exit status $?]"
else
	echo "(neither setpriv nor capsh is installed: skipped)"
fi
echo "A refused RPC never reaches the driver, so it does not taint:"
taint_bit

step "A debug write (register write, scope debug-write) taints the kernel"
show sim fwctl_sim1 reg write 5 0x1234
taint_bit
echo "\$ dmesg | grep 'sent a debug write RPC'"
dmesg | grep 'sent a debug write RPC'

step "With CAP_SYS_RAWIO (root) the write-full commands go through"
show sim fwctl_sim1 mem write 0 667763746c
show sim fwctl_sim1 mem read 0 16

step "The firmware log, from offset 128"
show sim fwctl_sim1 log offset 128 len 192

step "Objects belong to the open file; a batch (-b) keeps one fwctl process and its file"
printf '%s\n' "sim fwctl_sim2 obj alloc 0xcafe" "sim fwctl_sim2 obj query 1" "sim fwctl_sim2 counters" \
	"sim fwctl_sim2 obj free 1" > /tmp/demo-batch
sed 's/^/    /' /tmp/demo-batch
show -b /tmp/demo-batch

step "Remove both devices"
for id in 1 2; do
	echo "\$ echo $id > $BUS/del_device"
	echo "$id" > "$BUS/del_device"
done
show dev

# ---- SAP: the host and the simulated CSME share the simulated WLAN NIC ----
. "$FWGATE/tests/lib/tap.sh" > /dev/null
. "$FWGATE/tests/lib/sap.sh"
run() {
	echo "\$ $*"
	"$@" 2>&1 | sed 's/^/    /'
}
step "SAP: load sap_host, the simulated MEI transport and the simulated WLAN NIC"
sap_load && run ip -br link show
step "SAP: the air side goes into a network namespace; CSME's simulator attaches"
air_setup && csme_start --ip "$HOST_IP" && wait_for 20 sap_active
run cat "$SAP_DBG/status"
step "SAP: what CSME believes (csme-sim status)"
run "$CSME_SIM" -s "$CSME_SOCK" status
step "SAP: AMT on TCP 16992, reached from the air while Linux owns the NIC"
echo "\$ ip netns exec air curl -L http://$HOST_IP:16992/   (the logon page)"
amt_get | grep -o "<h1>.*</h1>" | sed 's/^/    /'
echo "\$ AMT_PASSWORD=... ip netns exec air amttool $HOST_IP info   (AMT's legacy SOAP, Digest)"
air env AMT_PASSWORD='P@ssw0rd' amttool "$HOST_IP" info 2>&1 | head -n 4 | sed 's/^/    /'
host_web_start
echo "\$ ip netns exec air curl http://$HOST_IP:8080/   (Linux's own server)"
host_get | sed 's/^/    /'
step "SAP: CSME takes the NIC: Linux loses carrier, AMT still answers"
run "$CSME_SIM" -s "$CSME_SOCK" nic take
wait_for 5 grep -qx 0 /sys/class/net/wlsim0/carrier
run cat /sys/class/net/wlsim0/carrier
amt_get | grep -o "<h1>.*</h1>" | sed 's/^/    /'
step "SAP: Linux asks for the NIC back"
run sh -c "echo 1 > $NIC/request_ownership"
wait_for 5 grep -qx 1 /sys/class/net/wlsim0/carrier
run cat /sys/class/net/wlsim0/carrier
step "SAP: counters of the host side"
run sh -c "awk '\$2 != 0' $SAP_DBG/counters"
step "CSME over fwctl: the same state through the SAP host's fwctl device (no debugfs needed)"
show sap status
step "CSME over fwctl: CSME takes the NIC, fwctl asks for it back (debug write)"
run "$CSME_SIM" -s "$CSME_SOCK" nic take
wait_for 5 grep -qx 0 /sys/class/net/wlsim0/carrier
show sap own request
run sh -c "$CSME_SIM -s $CSME_SOCK -j status | jq -r .owner"
step "CSME over fwctl: a request the state cannot serve says why (exit status 3)"
show sap restart
step "CSME over fwctl: a hostile CSME message, and the flight recorder's verdict on it"
run "$CSME_SIM" -s "$CSME_SOCK" hostile bad-type
sleep 1
echo "\$ fwctl -j sap log | jq '...verdict != \"ok\"'"
"$FWCTL" -j sap log | jq -c '.messages[] | select(.verdict != "ok")' | head -n 4 | sed 's/^/    /'
host_web_stop
csme_stop
air_teardown
sap_unload
echo
echo "=== demo done"
