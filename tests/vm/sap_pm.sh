#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Suspend/resume and the host going down, the cases that made upstream mark
# iwlmei BROKEN: across a system suspend cycle the CSME client goes away
# (HOST_GOES_DOWN, drained by CSME) and comes back (new handshake); after
# resume Wi-Fi works again, the interface was never shut down, and AMT
# answers. The cycle is a real "mem" suspend in the PM core's "freezer" test
# mode: the PM notifiers run and all user space, csme-sim included, is
# frozen and thawed. Deeper test levels suspend every device, and the VM's
# root file system (virtio-9p, which has no freeze/restore) never comes
# back from that, so the device-level callbacks cannot be run here.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

cleanup() {
	echo none > /sys/power/pm_test 2> /dev/null
	sap_cleanup
}
trap cleanup EXIT

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get
host_web_start
check_eq "host traffic flows" "$(host_get)" "host page"

for cycle in 1 2; do
	hs=$(sap_counter handshakes)
	gd=$(csme_get .counters.host_goes_down)
	echo 1 > /sys/module/suspend/parameters/pm_test_delay 2> /dev/null
	echo freezer > /sys/power/pm_test
	echo mem > /sys/power/state
	ok $? "suspend/resume cycle $cycle (mem, pm_test=freezer)"
	echo none > /sys/power/pm_test
	check "cycle $cycle: CSME was told the host goes down" \
		wait_val 10 -gt "${gd:-0}" csme_get .counters.host_goes_down
	check "cycle $cycle: re-handshake after resume" \
		wait_val 20 -gt "$hs" sap_counter handshakes
	check "cycle $cycle: session active" wait_for 10 sap_active
	check "cycle $cycle: wlsim0 carrier back" wait_for 10 grep -qx 1 /sys/class/net/wlsim0/carrier
	check_eq "cycle $cycle: the host owns the NIC" "$(nic_state owner)" host
	check "cycle $cycle: wlsim0 still up (not shut down)" \
		sh -c "ip link show wlsim0 | grep -q 'state UP'"
	check "cycle $cycle: AMT answers" wait_for 10 amt_get
	check_eq "cycle $cycle: host traffic flows" "$(host_get)" "host page"
done
check_eq "HOST_GOES_DOWN drained on every suspend" "$(sap_counter goes_down_no_ack)" 0

# The WLAN driver goes away, then CSME detaches and the modules unload.
check "rmmod wlan_sim" rmmod wlan_sim
check "csme-sim saw the WLAN driver go (WIFIDR_DOWN)" \
	wait_val 5 = down csme_get .wifidr
check_eq "sap_host: no driver registered" "$(sap_status driver)" none
csme_conformant "sap_pm"
csme_stop
check_eq "sap_host unbound once CSME detached" "$(sap_status state)" unbound
check "rmmod sap_sim" rmmod sap_sim
check "rmmod sap_host" rmmod sap_host

[ "$tap_failed" = 0 ] || sap_diag
tap_done
