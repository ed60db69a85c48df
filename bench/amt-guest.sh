#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Inside the VM: an AMT GET from the air namespace to CSME's server through
# SAP (wlan_sim -> sap_host -> rings -> csme-sim and back), against the same
# GET, with the same response bytes, to a local server over loopback.
# Prints one "bench:" line with the ratio.
set -u
. "$FWGATE/tests/lib/tap.sh" > /dev/null
. "$FWGATE/tests/lib/sap.sh"
B=$FWGATE/build/bench/amt_bench
N=${AMT_BENCH_N:-200}
fail() {
	echo "bench: amt: $*"
	sap_diag
	exit 1
}
sap_load || fail "cannot load the SAP modules"
air_setup || fail "cannot set up the air namespace"
csme_start --ip "$HOST_IP" || fail "csme-sim did not start"
wait_for 20 sap_active || fail "no SAP session"
wait_for 10 amt_get || fail "AMT does not answer"
printf 'GET /logon.htm HTTP/1.1\r\nHost: amt\r\nConnection: close\r\n\r\n' |
	air busybox nc "$HOST_IP" 16992 > /tmp/amt-page.raw
[ -s /tmp/amt-page.raw ] || fail "no page"
"$B" serve 127.0.0.1 8099 /tmp/amt-page.raw &
srv=$!
sleep 0.5
sap=$(air "$B" get "$HOST_IP" 16992 "$N") || fail "GETs through SAP failed"
lo=$("$B" get 127.0.0.1 8099 "$N") || fail "GETs over loopback failed"
kill "$srv"
set -- $sap
sap_us=$1 sap_len=$2
set -- $lo
lo_us=$1 lo_len=$2
ratio=$(awk -v a="$sap_us" -v b="$lo_us" 'BEGIN { printf "%.2f", a / b }')
echo "bench: amt GET over SAP ${sap_us} us, same GET over loopback ${lo_us} us" \
	"(${sap_len}/${lo_len} bytes, $N GETs each): ratio ${ratio} (target <= 2)"
awk '$2 != 0 { printf "# %s %s\n", $1, $2 }' "$SAP_DBG/counters"
"$CSME_SIM" -s "$CSME_SOCK" status | grep -i "retrans\|timeout\|drop\|csa\|fail" | sed 's/^/# /'
csme_stop
air_teardown
sap_unload
