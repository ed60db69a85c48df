# SPDX-License-Identifier: GPL-2.0
# Shared set-up for the SAP tests in the VM: modules, the CSME simulator,
# the "air" network namespace and readers for what each side believes.
#
#   air namespace: wlsim0air 10.77.0.1/24      host: wlsim0 10.77.0.2/24
#   CSME (AMT) uses the host's address, as AMT on a shared WLAN NIC does.
# Source tests/lib/tap.sh first.
root=${FWGATE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
moddir=${FWGATE_MODDIR:-$root}
CSME_SIM=${CSME_SIM:-$root/build/bin/csme-sim}
CSME_SOCK=/tmp/csme-sim.sock
CSME_LOG=/tmp/csme-sim.log
SAP_DBG=/sys/kernel/debug/sap_host
NIC=/sys/devices/platform/wlan_sim.0
AIR_IP=10.77.0.1
HOST_IP=10.77.0.2
csme_pid=

# A test killed by its timeout (SIGTERM) still runs its EXIT trap.
trap 'exit 143' TERM

sap_load() { # [sap_host module parameters...]
	# whatever an earlier test that was killed left behind
	pkill -x csme-sim 2> /dev/null
	ip netns del air 2> /dev/null
	sap_unload
	insmod "$moddir/drivers/net/wireless/sap/sap_host.ko" "$@" &&
	insmod "$moddir/drivers/net/wireless/sap/sim/sap_sim.ko" &&
	insmod "$moddir/drivers/net/wireless/wlan_sim/wlan_sim.ko"
}

sap_unload() {
	rmmod wlan_sim 2> /dev/null
	rmmod sap_sim 2> /dev/null
	rmmod sap_mei_cl 2> /dev/null
	rmmod sap_host 2> /dev/null
	! grep -qE '^(wlan_sim|sap_sim|sap_host) ' /proc/modules
}

# sap_status KEY: a value from debugfs sap_host/status
sap_status() {
	awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$SAP_DBG/status"
}

# sap_counter NAME: a counter from debugfs sap_host/counters (0 if absent)
sap_counter() {
	awk -v k="$1" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' "$SAP_DBG/counters"
}

# nic_state KEY: a value from wlan_sim's state attribute
nic_state() {
	awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$NIC/state"
}

csme() {
	"$CSME_SIM" -s "$CSME_SOCK" "$@"
}

# csme_get JQ-FILTER: a value from csme-sim's JSON status
csme_get() {
	"$CSME_SIM" -j -s "$CSME_SOCK" status 2> /dev/null | jq -r "$1" 2> /dev/null
}

csme_start() { # csme-sim run options...
	rm -f "$CSME_SOCK"
	"$CSME_SIM" run -s "$CSME_SOCK" "$@" >> "$CSME_LOG" 2>&1 &
	csme_pid=$!
	wait_for 20 "$CSME_SIM" -s "$CSME_SOCK" status
}

csme_stop() {
	[ -n "$csme_pid" ] || return 0
	"$CSME_SIM" -s "$CSME_SOCK" quit > /dev/null 2>&1
	local i
	for i in $(seq 50); do
		kill -0 "$csme_pid" 2> /dev/null || break
		sleep 0.1
	done
	kill -9 "$csme_pid" 2> /dev/null
	wait "$csme_pid" 2> /dev/null
	csme_pid=
}

# csme_conformant WHAT: csme-sim, strict toward the host, saw nothing the
# reference host would never send (host_nonconformant stays 0)
csme_conformant() {
	check_eq "$1: csme-sim saw nothing upstream would not send" \
		"$(csme_get .counters.host_nonconformant)" 0
}

# sap_active: the handshake is done and AMT is enabled
sap_active() {
	[ "$(sap_status state)" = active ]
}

air() {
	ip netns exec air "$@"
}

air_setup() {
	ip netns add air &&
	ip link set wlsim0air netns air &&
	ip -n air link set lo up &&
	ip -n air addr add "$AIR_IP/24" dev wlsim0air &&
	ip -n air link set wlsim0air up &&
	ip link set wlsim0me up &&
	ip addr add "$HOST_IP/24" dev wlsim0 &&
	ip link set wlsim0 up
}

air_teardown() {
	ip netns del air 2> /dev/null
	ip addr flush dev wlsim0 2> /dev/null
}

# amt_get [curl options...]: GET http://HOST_IP:16992/ from the air
# AMT's firmware version, from its one home (the AMT model's header)
AMT_VERSION=$(sed -n 's/^#define AMT_MODEL_FW_VERSION[[:space:]]*"\([^"]*\)".*/\1/p' \
	"$FWGATE/tools/csme-sim/amt/amt_model.h")

# amt_get: AMT's web UI from the air: GET / redirects to the logon page
# (no authentication), which must come back 200
amt_get() {
	air curl -s -f -L -m 5 "$@" "http://$HOST_IP:16992/"
}

# host_web_start: the host's own web server on port 8080 (Linux traffic)
host_web_start() {
	mkdir -p /tmp/host-www
	echo "host page" > /tmp/host-www/index.html
	busybox httpd -p "$HOST_IP:8080" -h /tmp/host-www
}

host_web_stop() {
	pkill -f "busybox httpd -p $HOST_IP:8080" 2> /dev/null
}

host_get() {
	air curl -s -m 5 "http://$HOST_IP:8080/index.html"
}

# dump state for diagnosis after a failure
sap_diag() {
	diag "sap_host status:"
	diag "$(cat "$SAP_DBG/status" 2> /dev/null)"
	diag "sap_host counters (non-zero):"
	diag "$(awk '$2 != 0' "$SAP_DBG/counters" 2> /dev/null)"
	diag "wlan_sim state:"
	diag "$(cat "$NIC/state" 2> /dev/null)"
	diag "csme-sim log tail:"
	diag "$(tail -n 60 "$CSME_LOG" 2> /dev/null)"
}

# undo what a test set up (for trap ... EXIT)
sap_cleanup() {
	host_web_stop
	csme_stop
	air_teardown
	sap_unload
}
