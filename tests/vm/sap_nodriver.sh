#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# No SAP session without a SAP-aware WLAN driver (issue 15, item 1): with
# the transport bound and CSME present but no driver registered through the
# sap_mei_* API, sap_host sends the firmware nothing: no shared area, no
# enabled client, no START, never a request for the NIC. A stock driver on
# such a machine keeps its NIC. Registering wlan_sim then opens the session.
# sap_mei_cl carries no modalias, so udev never loads it by itself.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

TR=/sys/kernel/debug/tracing
# Leave tracing as the later tests expect it: no tracer, no filter, on.
trace_off() {
	echo nop > $TR/current_tracer
	echo > $TR/set_ftrace_filter
	echo 0 > $TR/events/sap_host/sap_host_msg/enable
	echo 1 > $TR/tracing_on
}
trap 'trace_off 2> /dev/null; sap_cleanup' EXIT

check "insmod sap_host" insmod "$moddir/drivers/net/wireless/sap/sap_host.ko" start_timeout_ms=200
check "insmod sap_sim" insmod "$moddir/drivers/net/wireless/sap/sim/sap_sim.ko"
check "csme-sim runs (AMT on)" csme_start
check "the transport is bound (csme-sim attached)" wait_val 10 = true csme_get .attached
check_eq "sap_host: transport bound, no session" "$(sap_status state)" idle
check_eq "sap_host: no shared area is mapped" "$(sap_status area)" none
# Give a wrongly eager host time to talk: 2 s is ten START timeouts here.
sleep 2
check_eq "still idle" "$(sap_status state)" idle
check_eq "CSME saw no START" "$(csme_get .counters.starts)" 0
check_eq "CSME saw no ME message at all" "$(csme_get .counters.me_rx)" 0
check_eq "the shared area was never mapped" "$(csme_get .counters.maps)" 0
check_eq "the client was never enabled" "$(csme_get .counters.enables)" 0
check_eq "CSME was never asked for the NIC" "$(csme_get .counters.ownership_asked)" 0
check_eq "CSME does not consider a session up" "$(csme_get .connected)" false
check_eq "sap_host counted no session" "$(sap_counter sessions_opened)" 0
err=$(bash -c "echo 1 > $SAP_DBG/send_start_message" 2>&1)
echo "$err" | grep -qi "no such device"
ok $? "debugfs send_start_message does not open one either ($err)"
check_eq "CSME still saw no START" "$(csme_get .counters.starts)" 0

# The transport can come and go without the firmware hearing from us.
check "csme-sim fw reset (transport detaches and re-attaches)" csme fw reset
check "re-attached" wait_val 10 = true csme_get .attached
check_eq "idle again" "$(sap_status state)" idle
check_eq "still no START" "$(csme_get .counters.starts)" 0

# A SAP-aware driver registers: now the session starts.
check "insmod wlan_sim (registers with sap_mei_register)" \
	insmod "$moddir/drivers/net/wireless/wlan_sim/wlan_sim.ko"
check "SAP session active" wait_for 20 sap_active
check_eq "exactly one START" "$(csme_get .counters.starts)" 1
check_eq "one session opened" "$(sap_counter sessions_opened)" 1
check_eq "CSME saw WIFIDR_UP" "$(csme_get .wifidr)" up

# The driver leaves: as upstream, the session stays and CSME hears it, and
# WIFIDR_DOWN (type 1012) goes out in unregister_complete, not before: the
# function tracer marks both halves of the unregistration and the sap_host
# tracepoint marks the message, all in one ordered trace.
# The debug lane's kernel has no function tracer (CI's Debian kernel has).
ftrace=$([ -e $TR/available_filter_functions ] && echo yes)
if [ "$ftrace" ]; then
	check "trace the two halves of unregistration" sh -c \
		"echo 0 > $TR/tracing_on && echo > $TR/trace &&
		 printf '%s\n' sap_mei_start_unregister sap_mei_unregister_complete > $TR/set_ftrace_filter &&
		 echo function > $TR/current_tracer &&
		 echo 1 > $TR/events/sap_host/sap_host_msg/enable && echo 1 > $TR/tracing_on"
else
	skip "trace the two halves of unregistration" "no function tracer in this kernel"
fi
check "rmmod wlan_sim" rmmod wlan_sim
check "CSME saw WIFIDR_DOWN" wait_val 5 = down csme_get .wifidr
if [ "$ftrace" ]; then
	echo 0 > $TR/tracing_on
	# Read before trace_off: switching the tracer clears the buffer.
	order=$(grep -v '^#' $TR/trace |
		grep -oE 'sap_mei_start_unregister|sap_mei_unregister_complete|tx type=1012' | tr '\n' ,)
	trace_off
	check_eq "start_unregister, unregister_complete, then WIFIDR_DOWN" "$order" \
		"sap_mei_start_unregister,sap_mei_unregister_complete,tx type=1012,"
else
	skip "start_unregister, unregister_complete, then WIFIDR_DOWN" "no function tracer in this kernel"
fi
check_eq "the session stays up" "$(sap_status state)" active
check "insmod wlan_sim again" insmod "$moddir/drivers/net/wireless/wlan_sim/wlan_sim.ko"
check "CSME saw WIFIDR_UP again" wait_val 5 = up csme_get .wifidr
check_eq "no second START" "$(csme_get .counters.starts)" 1

modinfo -F alias "$moddir/drivers/net/wireless/sap/mei/sap_mei_cl.ko" | grep -q .
ok $((! $?)) "sap_mei_cl has no modalias: udev never autoloads it"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
