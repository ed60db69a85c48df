#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# CSME firmware resets while AMT and host traffic flow: the host notices the
# client going away, says goodbye, re-handshakes with the new firmware
# session and AMT answers again. Twenty resets leak no shared areas
# (vmalloc), no sessions (probes == removes + 1) and no network buffers.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT

vmalloc_kb() {
	awk '/^VmallocUsed:/ { print $2 }' /proc/meminfo
}

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get
host_web_start

# One reset in the middle of a stream of GETs.
hs=$(sap_counter handshakes)
(for i in $(seq 20); do amt_get -m 2 > /dev/null && echo x; done > /tmp/gets) &
loop=$!
sleep 1
check "csme-sim fw reset while GETs run" csme fw reset
wait "$loop"
diag "$(wc -l < /tmp/gets) of 20 GETs around the reset succeeded"
check "re-handshake after the reset" wait_val 10 -gt "$hs" sap_counter handshakes
check "session active again" wait_for 10 sap_active
check "AMT answers after the reset" wait_for 10 amt_get
check_eq "host traffic flows" "$(host_get)" "host page"
check_eq "carrier up" "$(cat /sys/class/net/wlsim0/carrier)" 1

# Twenty more, then count what is left.
base_vm=$(vmalloc_kb)
base_probes=$(sap_counter probes)
for i in $(seq 20); do
	csme fw reset > /dev/null || break
	wait_for 10 sap_active || break
done
check_eq "20 resets done" "$i" 20
check "AMT answers after 20 resets" wait_for 10 amt_get
probes=$(sap_counter probes)
removes=$(sap_counter removes)
check_eq "20 more probes" "$((probes - base_probes))" 20
check_eq "every session but the current one was removed" "$removes" "$((probes - 1))"
grown=$(( $(vmalloc_kb) - base_vm ))
diag "vmalloc grew by $grown kB over 20 resets (one area is 168 kB)"
check "no shared area leaked (vmalloc growth < 168 kB)" test "$grown" -lt 168
check_eq "every HOST_GOES_DOWN was drained by CSME" "$(sap_counter goes_down_no_ack)" 0
check_eq "csme-sim counted the resets" "$(csme_get .counters.resets)" 21

csme_conformant "sap_reset"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
