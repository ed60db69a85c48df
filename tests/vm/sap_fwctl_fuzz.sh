#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fwctl fuzzer (-S) on the SAP host's fwctl device, with a live session
# against csme-sim and CSME firmware resets (the device goes and comes back)
# under the fuzzer. fwctl_fuzz prints the TAP.
set -u
. "$FWGATE/tests/lib/tap.sh" > /dev/null
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT
if ! sap_load || ! csme_start || ! wait_for 20 sap_active; then
	echo "not ok 1 - SAP session with csme-sim for the fuzzer"
	echo "1..1"
	exit 1
fi
FWGATE_SAP_CHURN="$CSME_SIM -s $CSME_SOCK fw reset > /dev/null 2>&1" \
	"$root/build/vm-tests/fwctl_fuzz" -S "$@"
