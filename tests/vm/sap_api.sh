#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The sap_mei_* calls a driver makes around its firmware, through wlan_sim:
#  - sap_mei_get_nvm() (wlan_sim's nvm attribute): CSME answers GET_NVM with
#    the NIC's NVM address; without a session there is no NVM (ENODATA);
#  - sap_mei_pldr_req() + sap_mei_alive_notif() (wlan_sim's pldr
#    attribute): PLDR, CSME's PLDR_ACK, then PLDR_END with the status.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "CSME knows the NIC's addresses (NIC_INFO)" \
	wait_val 5 != null csme_get .nic_info.nvm_mac

sent=$(csme_get .counters.nvm_sent)
nvm=$(cat "$NIC/nvm" 2>&1)
ok $? "read wlan_sim's nvm (sap_mei_get_nvm)"
check_eq "CSME answered GET_NVM" "$(csme_get .counters.nvm_sent)" $((sent + 1))
check_eq "the NVM carries the NIC's NVM address" \
	"$(echo "$nvm" | awk '$1 == "hw_addr" { print $2 }')" "$(csme_get .nic_info.nvm_mac)"
check_eq "one address" "$(echo "$nvm" | awk '$1 == "n_hw_addrs" { print $2 }')" 1

pldr=$(csme_get .counters.pldr)
check "pldr 1: announce a product reset, firmware back alive" sh -c "echo 1 > $NIC/pldr"
check_eq "CSME saw PLDR" "$(csme_get .counters.pldr)" $((pldr + 1))
check_eq "CSME saw PLDR_END(success)" "$(csme_get .pldr_end_status)" 0
check_eq "the PLDR is over for CSME" "$(csme_get .pldr_active)" false
check "pldr 0: the firmware failed to come back" sh -c "echo 0 > $NIC/pldr"
check_eq "CSME saw PLDR_END(failure)" "$(csme_get .pldr_end_status)" 1
err=$(bash -c "echo maybe > $NIC/pldr" 2>&1)
echo "$err" | grep -qi "invalid argument"
ok $? "pldr: a non-boolean is refused with EINVAL ($err)"

# Without AMT, PLDR is not announced (as upstream) and succeeds at once.
check "csme-sim amt off" csme amt off
check "session no longer active" wait_val 5 = connected sap_status state
pldr=$(csme_get .counters.pldr)
check "pldr 1 without AMT succeeds" sh -c "echo 1 > $NIC/pldr"
check_eq "nothing sent to CSME" "$(csme_get .counters.pldr)" "$pldr"

csme_conformant "sap_api"

# Without a session there is no NVM to read.
csme_stop
check "csme-sim gone: sap_host unbound" wait_val 10 = unbound sap_status state
err=$(cat "$NIC/nvm" 2>&1)
echo "$err" | grep -qi "no data"
ok $? "nvm without a session: ENODATA ($err)"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
