#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# csme-sim's edge modes against the real sap_host (issue 15): what a real
# CSME may legitimately do at the protocol's edges. In each the host keeps
# working and counts nothing as bad, and csme-sim, strict toward the host,
# sees nothing the reference host would not send (host_nonconformant 0).
#   burst        600 PINGs behind one doorbell: all answered, no 2nd doorbell
#   new-values   new auth/cipher/scan values: taken and counted as new
#   ptr-at-size  M2H wr_ptr published as the ring size: no stall
#   early-csa    notifications + doorbell before START_OK: drained at START_OK
#   start-late   START_OK 4 s late (timeout 200 ms): one START, taken
#   start-never  no START_OK: one START, the host waits; a reset recovers
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT

bad_msgs() {
	echo $(($(sap_counter notif_rx_bad) + $(sap_counter me_rx_bad) +
		$(sap_counter data_from_csme_bad)))
}

conformant() { # WHAT
	check_eq "$1: csme-sim saw nothing upstream would not send" \
		"$(csme_get .counters.host_nonconformant)" 0
	check_eq "$1: csme-sim rejected no ME message" "$(csme_get .counters.me_rx_bad)" 0
	check_eq "$1: csme-sim rejected no notification" \
		"$(csme_get '[.counters.rejected[]] | add')" 0
}

log_has() {
	grep -q "$1" "$CSME_LOG"
}

check "load the SAP modules (START timeout 200 ms)" sap_load start_timeout_ms=200
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get
bad0=$(bad_msgs)

# burst: more than one drain pass, still a single doorbell from CSME
pongs=$(csme_get .counters.pongs)
budget=$(sap_counter drain_budget_hit)
check "burst: csme-sim hostile burst" csme hostile burst
check "burst: all 600 PINGs answered without another doorbell" \
	wait_val 10 -ge $((pongs + 600)) csme_get .counters.pongs
check_ge "burst: the host needed more than one pass" \
	"$(sap_counter drain_budget_hit)" $((budget + 1))

# new-values
nv=$(sap_counter notif_rx_new_values)
check "new-values: csme-sim hostile new-values" csme hostile new-values
check "new-values: counted as new" wait_val 5 -gt "$nv" sap_counter notif_rx_new_values
check_eq "new-values: not counted as bad" "$(bad_msgs)" "$bad0"
check_eq "new-values: still active" "$(sap_status state)" active

# ptr-at-size
lines=$(wc -l < "$CSME_LOG")
check "ptr-at-size: csme-sim hostile ptr-at-size" csme hostile ptr-at-size
check "ptr-at-size: wr_ptr published as the ring size" \
	wait_for 30 sh -c "tail -n +$lines '$CSME_LOG' | grep -q 'wr_ptr published as'"
check "ptr-at-size: the PING after it was sent" \
	wait_for 10 sh -c "tail -n +$lines '$CSME_LOG' | grep -q 'PING from offset 0'"
check "ptr-at-size: and answered (csme ping)" csme ping
check_eq "ptr-at-size: no pointer counted as corrupt" "$(sap_counter rejected_ring_ptr_range)" 0
check_eq "ptr-at-size: no own pointer change" "$(sap_counter ring_m2h0_bad_ptr)" 0
check_eq "ptr-at-size: not counted as bad" "$(bad_msgs)" "$bad0"
conformant "after burst, new-values, ptr-at-size"

# early-csa: the AMT_STATE behind the early doorbell makes the session active
early=$(sap_counter me_rx_before_start_ok)
check "early-csa: csme-sim hostile early-csa (armed)" csme hostile early-csa
check "early-csa: fw reset" csme fw reset
check "early-csa: active (AMT_STATE seen, no doorbell after START_OK)" wait_for 10 sap_active
check_ge "early-csa: the early doorbell was counted" \
	"$(sap_counter me_rx_before_start_ok)" $((early + 1))
check "early-csa: AMT answers" wait_for 10 amt_get

# start-late
starts=$(csme_get .counters.starts)
to=$(sap_counter start_timeouts)
check "start-late: csme-sim hostile start-late (armed)" csme hostile start-late
check "start-late: fw reset" csme fw reset
check "start-late: the START timeout passes" wait_val 5 -gt "$to" sap_counter start_timeouts
check_eq "start-late: still starting" "$(sap_status state)" starting
check "start-late: the late START_OK is taken" wait_for 10 sap_active
check_eq "start-late: one START, not repeated" "$(csme_get .counters.starts)" $((starts + 1))
check "start-late: AMT answers" wait_for 10 amt_get

# start-never
starts=$(csme_get .counters.starts)
check "start-never: csme-sim hostile start-never (armed)" csme hostile start-never
check "start-never: fw reset" csme fw reset
sleep 2
check_eq "start-never: the host waits" "$(sap_status state)" starting
check_eq "start-never: one START in 2 s (10 timeouts)" \
	"$(csme_get .counters.starts)" $((starts + 1))
check "start-never: a reset recovers" csme fw reset
check "start-never: active again" wait_for 10 sap_active
check "start-never: AMT answers" wait_for 10 amt_get

conformant "at the end"
check_eq "nothing counted as bad all along" "$(bad_msgs)" "$bad0"
check "csme-sim still running" kill -0 "$csme_pid"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
