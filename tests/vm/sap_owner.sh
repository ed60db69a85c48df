#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The ownership state machine against csme-sim, branch by branch:
#  - a denial fails the driver's request at once with EBUSY (not after the
#    500 ms timeout), an ignored request fails with ETIMEDOUT;
#  - a request that was not granted is repeated every retake delay, and
#    the NIC comes back by itself once CSME grants it;
#  - a forced take (CSME seizes the hardware, then tells the host);
#  - link protection: roaming forbidden while the host owns the NIC, the
#    radio blocked (not by a take) while CSME owns it;
#  - AMT disabled gives the NIC back and removes the Rx handler; enabled
#    again, AMT answers;
#  - debugfs req_ownership and send_start_message; hardware rfkill and the
#    power limits reach CSME.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT

carrier() { grep -qx "$1" /sys/class/net/wlsim0/carrier; }

# csme_take: CSME takes the NIC (the host confirms) and keeps it
csme_take() {
	csme nic take > /dev/null && wait_for 5 carrier 0 &&
		wait_val 5 = csme csme_get .owner
}

# own_write FILE: write 1 to FILE, print the error text (empty on success)
own_write() {
	bash -c "echo 1 > $1" 2>&1
}

check "load the SAP modules (retake delay 1500 ms)" sap_load retake_delay_ms=1500
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "wlsim0 has carrier" wait_for 10 carrier 1

# refused POLICY MESSAGE ERRNO: with CSME answering per POLICY and owning the
# NIC, the driver's request fails with MESSAGE and wlan_sim records -ERRNO
refused() {
	local timeouts denied err
	check "csme-sim policy $1" csme policy "$1"
	check "CSME takes the NIC" csme_take
	timeouts=$(sap_counter ownership_timeouts)
	denied=$(sap_counter ownership_denied)
	err=$(own_write "$NIC/request_ownership")
	echo "$err" | grep -qi "$2"
	ok $? "request_ownership ($1): $2 ($err)"
	check_eq "wlan_sim saw -$3" "$(nic_state last_ownership_error)" "-$3"
	if [ "$1" = deny ]; then
		check_ge "the denial was counted" "$(sap_counter ownership_denied)" $((denied + 1))
		check_eq "not counted as a timeout" "$(sap_counter ownership_timeouts)" "$timeouts"
	else
		check_ge "the timeout was counted" "$(sap_counter ownership_timeouts)" $((timeouts + 1))
	fi
}

# A denial ends the wait at once with EBUSY.
refused deny busy 16
check_eq "the host does not own the NIC" "$(sap_status owner)" csme

# While denied, the host asks again every retake delay.
asked=$(csme_get .counters.ownership_asked)
check "the host keeps asking (twice more within 10 s)" \
	wait_val 10 -ge $((asked + 2)) csme_get .counters.ownership_asked
check "carrier stays off while denied" carrier 0
err=$(own_write "$SAP_DBG/req_ownership")
echo "$err" | grep -qi "busy"
ok $? "debugfs req_ownership denied too: EBUSY ($err)"

# Once CSME grants, the retake work gets the NIC back without any request.
check "csme-sim policy grant" csme policy grant
check "the retake work gets the NIC back" wait_for 10 carrier 1
check_eq "sap_host owns the NIC" "$(sap_status owner)" host
check_eq "csme-sim agrees" "$(csme_get .owner)" host
check "AMT answers" wait_for 10 amt_get

# An ignored request times out after 500 ms.
refused ignore "timed out" 110
check_ge "csme-sim ignored requests" "$(csme_get .counters.ownership_ignored)" 1
check "csme-sim policy grant" csme policy grant
check "the retake work gets the NIC back" wait_for 10 carrier 1

# A forced take: CSME seizes the hardware first, then tells the host.
csme policy deny > /dev/null
seized=$(csme_get .counters.seized)
took=$(sap_counter csme_took)
check "csme-sim nic take-force" csme nic take-force
check "carrier drops" wait_for 5 carrier 0
check_eq "the hardware owner is CSME" "$(nic_state owner)" csme
check_eq "csme-sim counted the seizure" "$(csme_get .counters.seized)" $((seized + 1))
check "sap_host learned it (CSME_TAKING_OWNERSHIP)" \
	wait_val 5 -gt "$took" sap_counter csme_took
check "AMT answers on CSME's own path" wait_for 10 amt_get
check "csme-sim policy grant" csme policy grant
check "the retake work gets the NIC back" wait_for 10 carrier 1
check_eq "hardware owner host again" "$(nic_state owner)" host

# Link protection while the host owns the NIC: no roaming, radio on.
check "csme-sim link-prot on" csme link-prot on
check "wlan_sim got me_conn_status with link protection" \
	wait_val 5 = 1 nic_state csme_link_prot
check_eq "roaming forbidden" "$(nic_state roaming_forbidden)" 1
check_eq "radio not blocked" "$(nic_state lp_rfkill)" 0
check_eq "sap_host records the state" "$(sap_status link_prot_state)" 1
check "csme-sim link-prot off" csme link-prot off
check "roaming allowed again" wait_val 5 = 0 nic_state roaming_forbidden

# Link protection while CSME owns the NIC: the radio is blocked.
csme policy deny > /dev/null
check "CSME takes the NIC" csme_take
check "csme-sim link-prot on" csme link-prot on
check "radio blocked by link protection" wait_val 5 = 1 nic_state lp_rfkill
check "csme-sim link-prot off" csme link-prot off
check "radio unblocked" wait_val 5 = 0 nic_state lp_rfkill
check_eq "CSME still owns the NIC" "$(sap_status owner)" csme

# AMT disabled: CSME has no claim, the host gets the NIC at once.
check "csme-sim amt off" csme amt off
check "state connected (AMT off)" wait_val 5 = connected sap_status state
check "carrier back without a request" wait_for 5 carrier 1
check_eq "sap_host owns the NIC" "$(sap_status owner)" host
check "the Rx handler is gone" wait_val 5 = none sap_status rx_handler
check "request_ownership succeeds at once" own_write "$NIC/request_ownership"
frames=$(sap_counter data_to_csme)
amt_get > /dev/null
check_eq "no frame goes to CSME" "$(sap_counter data_to_csme)" "$frames"
check "csme-sim amt on" csme amt on
check "active again" wait_for 5 sap_active
check "the Rx handler is back" wait_val 5 = wlsim0 sap_status rx_handler
check "AMT answers again" wait_for 10 amt_get
csme policy grant > /dev/null

# debugfs: a live session is not restarted; ownership request is a no-op
# while the host owns the NIC.
err=$(own_write "$SAP_DBG/send_start_message")
echo "$err" | grep -qi "busy"
ok $? "send_start_message while active: EBUSY ($err)"
check "still active" sap_active
check "req_ownership while owner: success" own_write "$SAP_DBG/req_ownership"

# Hardware rfkill and power limits reach CSME.
echo 1 > "$NIC/hw_rfkill"
check "hw rfkill reaches CSME (radio state 1)" wait_val 5 = 1 csme_get .radio_state
echo 0 > "$NIC/hw_rfkill"
check "radio on again (3)" wait_val 5 = 3 csme_get .radio_state
echo "10 11 12 13 14 20 21 22 23 24" > "$NIC/power_limit"
check "the power limits reach CSME" wait_for 5 \
	test "$(csme_get '.sar | map(tostring) | join(" ")')" = "10 11 12 13 14 20 21 22 23 24"
err=$(bash -c "echo 1 2 3 > $NIC/power_limit" 2>&1)
echo "$err" | grep -qi "invalid argument"
ok $? "a short power table: EINVAL ($err)"

check_eq "no CSME message was rejected" "$(sap_counter notif_rx_bad)" 0
csme_conformant "sap_owner"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
