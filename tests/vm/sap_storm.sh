#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hostile firmware at scale: csme-sim's "storm" mode sends random and
# malformed M2H messages and ring corruptions (random ME messages, random
# types and payloads, raw bytes in both M2H rings, runt and random
# DATA_PACKETs, out-of-range values, wild wr_ptr, doorbells) as fast as the
# rings take them, while AMT clients keep running, until the host has
# taken COUNT messages (default 1,000,000: the debug lane, TESTS.debug-sap;
# CI runs a reduced count). Then:
#  - every message the host took was accepted or rejected, and every
#    rejection was counted once under its reason;
#  - the kernel log stays clean (the guest checks it: KASAN, lockdep, UBSAN,
#    WARN, BUG; kmemleak on the debug kernel);
#  - after "hostile off" and a firmware reset AMT answers every request.
#   sap_storm.sh [COUNT [TIMEOUT_SECONDS]]
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"
LOAD=$FWGATE/build/vm-tests/amt_load
COUNT=${1:-1000000}
LIMIT=${2:-1200}
STOP=/tmp/storm.stop

loader=
cleanup() {
	touch "$STOP"
	[ -z "$loader" ] || wait "$loader" 2> /dev/null
	sap_cleanup
}
trap cleanup EXIT

specs=(-r "GET /logon.htm 200 Active Management Technology" -r "GET /none.htm 404")
# the M2H messages the host took: notifications (good and bad), bad data
# messages, ME messages; good data frames are counted apart (AMT's too)
taken() {
	echo $(($(sap_counter notif_rx) + $(sap_counter notif_rx_bad) +
		$(sap_counter data_from_csme_bad) + $(sap_counter me_rx)))
}
bad_total() {
	echo $(($(sap_counter notif_rx_bad) + $(sap_counter me_rx_bad) +
		$(sap_counter data_from_csme_bad)))
}
reasons_total() {
	awk '/^rejected_/ { s += $2 } END { print s + 0 }' "$SAP_DBG/counters"
}

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get

# AMT traffic during the storm: 8 clients, 5 s runs, until told to stop
rm -f "$STOP" /tmp/storm-load.out
(while [ ! -e "$STOP" ]; do
	air "$LOAD" -c 8 -t 5 -T 5 "${specs[@]}" "$HOST_IP:16992" >> /tmp/storm-load.out 2>&1
done) &
loader=$!
sleep 2
taken0=$(taken) bad0=$(bad_total) reasons0=$(reasons_total)
actions0=$(csme_get .counters.hostile_actions)
data0=$(sap_counter data_from_csme)
t0=$SECONDS
check "csme-sim hostile storm" csme hostile storm
last=0
while [ $(($(taken) - taken0)) -lt "$COUNT" ] && [ $((SECONDS - t0)) -lt "$LIMIT" ]; do
	sleep 2
	n=$(($(taken) - taken0))
	if [ $((n / 100000)) -gt "$last" ]; then
		last=$((n / 100000))
		diag "$n messages taken after $((SECONDS - t0)) s"
	fi
	kill -0 "$csme_pid" 2> /dev/null || break
done
secs=$((SECONDS - t0))
check "csme-sim hostile off" csme hostile off
n=$(($(taken) - taken0))
check_ge "the host took $COUNT hostile M2H messages or more (in ${secs} s)" "$n" "$COUNT"
diag "csme-sim hostile actions: $(($(csme_get .counters.hostile_actions) - actions0));" \
	"good data frames taken besides: $(($(sap_counter data_from_csme) - data0))"
bad=$(($(bad_total) - bad0))
check_ge "the host rejected malformed ones" "$bad" 1
check_eq "every rejection counted once under its reason" \
	"$(($(reasons_total) - reasons0))" "$bad"
diag "rejections by reason:"
diag "$(grep '^rejected_' "$SAP_DBG/counters")"
check "csme-sim survived" kill -0 "$csme_pid"
touch "$STOP"
wait "$loader"
loader=
ok_sum=$(awk -F= '$1 == "ok" { s += $2 } END { print s + 0 }' /tmp/storm-load.out)
fail_sum=$(awk -F= '$1 == "failed" { s += $2 } END { print s + 0 }' /tmp/storm-load.out)
diag "AMT requests during the storm: $ok_sum answered, $fail_sum not (the storm may" \
	"take the NIC or disable AMT)"
check_ge "AMT traffic flowed during the storm" "$((ok_sum + fail_sum))" 1

# recovery: a clean session, every request answered
check "csme-sim fw reset" csme fw reset
check "SAP session active again" wait_for 20 sap_active
check "AMT answers again" wait_for 15 amt_get
air "$LOAD" -c 8 -t 3 "${specs[@]}" "$HOST_IP:16992" > /tmp/storm-after.out 2>&1
ok $? "8 clients for 3 s after the storm: every answer correct"
sed 's/^/# /' /tmp/storm-after.out | grep -E "ok=|failed=|conn"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
