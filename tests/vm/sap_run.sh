#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run one SAP test program with sap_host (short handshake timeout), sap_sim
# and wlan_sim (a registered WLAN driver, without which sap_host opens no
# session) loaded, then unload them: sap_run.sh PROGRAM [ARGS...]
# A module that does not load or unload is reported as a failure.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
moddir=${FWGATE_MODDIR:-$root}
if ! insmod "$moddir/drivers/net/wireless/sap/sap_host.ko" start_timeout_ms=200 ||
   ! insmod "$moddir/drivers/net/wireless/sap/sim/sap_sim.ko" ||
   ! insmod "$moddir/drivers/net/wireless/wlan_sim/wlan_sim.ko"; then
	echo "TAP version 13"
	echo "not ok 1 - load sap_host, sap_sim and wlan_sim"
	echo "1..1"
	exit 1
fi
"$@"
rc=$?
rmmod wlan_sim && rmmod sap_sim && rmmod sap_host || { echo "# unloading the SAP modules failed"; rc=1; }
exit $rc
