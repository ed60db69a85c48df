#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The SAP data path under load, loss and bulk transfer (issue 12):
#  - load: 64 concurrent keep-alive HTTP clients (tests/vm/amt_load.c) on
#    AMT's port 16992 through the shared NIC for 20 s, every answer checked,
#    while the host's own web server (Linux, port 8080) is measured before
#    and during the load;
#  - loss: netem loss, delay, reordering and duplication on both directions
#    of the air link (the host's wlsim0 carries CSME's frames too): every
#    request still answered, csme-sim's TCP retransmitted and saw the
#    duplicates and out-of-order segments;
#  - bulk: 16 MiB each way through SAP to csme-sim's bulk test service
#    (bench/amt_bulk.c), every byte checked, CRC-32 compared.
# AMT_LOAD_SECONDS / AMT_BULK_BYTES shrink or grow the run (defaults 20 s,
# 16 MiB).
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"
LOAD=$FWGATE/build/vm-tests/amt_load
BULK=$FWGATE/build/bench/amt_bulk
BULK_PORT=16999
SECS=${AMT_LOAD_SECONDS:-20}
BYTES=${AMT_BULK_BYTES:-16777216}

cleanup() {
	air tc qdisc del dev wlsim0air root 2> /dev/null
	tc qdisc del dev wlsim0 root 2> /dev/null
	sap_cleanup
}
trap cleanup EXIT

# val KEY FILE: a key=value line of amt_load's output
val() {
	sed -n "s/^$1=//p" "$2"
}

# net_counter NAME: one of csme-sim's amt_net counters
net_counter() {
	csme_get ".counters.amt_net.$1"
}

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim with the bulk test service on $BULK_PORT" \
	csme_start --ip "$HOST_IP" --bulk-port "$BULK_PORT"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get
host_web_start
check "the host's web server answers" wait_for 5 host_get

# ---- load ------------------------------------------------------------------
# AMT's web UI and WS-Management as a management console uses them: the
# redirect, the logon page, Digest-protected pages and a WS-Man Get of
# AMT_GeneralSettings (tests/vm/wsman/), each connection logging in once
# and then reusing its nonce with a growing nonce count
specs=(-r "GET / 303" -r "GET /logon.htm 200 Active Management Technology"
       -r "HEAD /logon.htm 200" -r "GET /index.htm 200 $AMT_VERSION"
       -r "POST /wsman 200 AMT_GeneralSettings" -r "GET /hw-sys.htm 200 Digest:"
       -r "GET /none.htm 404")
auth=(-u "admin:P@ssw0rd" -d "$FWGATE/tests/vm/wsman/get-general-settings.xml")
air "$LOAD" -c 64 -t "$SECS" "${auth[@]}" -H "$HOST_IP:8080" -B 3 "${specs[@]}" \
	"$HOST_IP:16992" > /tmp/load.out 2>&1
ok $? "64 concurrent clients for ${SECS} s: every answer correct"
sed 's/^/# /' /tmp/load.out
check_ge "requests answered under load" "$(val ok /tmp/load.out)" $((SECS * 5))
check_eq "no request failed" "$(val failed /tmp/load.out)" 0
check_ge "every connection logged in with Digest" "$(val challenges /tmp/load.out)" 64
check_ge "the host's own traffic flowed during the load" "$(val host_load_ok /tmp/load.out)" "$SECS"
check_eq "no host request failed" "$(val host_load_failed /tmp/load.out)" 0
diag "host GETs/s alone $(val host_base_rate /tmp/load.out), during the AMT load $(val host_load_rate /tmp/load.out)"
check_eq "no frame to CSME was dropped" "$(sap_counter data_to_csme_dropped)" 0
check_eq "csme-sim refused no connection (table full)" "$(net_counter tcp_table_full)" 0

# ---- loss ------------------------------------------------------------------
if { [ -d /sys/module/sch_netem ] || modprobe sch_netem 2> /dev/null; } &&
   tc qdisc add dev wlsim0 root netem loss 5% \
	delay 4ms 2ms duplicate 3% 2> /tmp/tc.err &&
   air tc qdisc add dev wlsim0air root netem loss 5% delay 8ms reorder 25% 50% \
	duplicate 3% 2>> /tmp/tc.err; then
	ok 0 "netem on both directions of the air link"
	rx0=$(net_counter tcp_retransmit) fr0=$(net_counter tcp_fast_retransmit)
	oo0=$(net_counter tcp_out_of_order) dd0=$(net_counter tcp_dup_data)
	air "$LOAD" -c 16 -t $((SECS / 2)) -T 60 "${auth[@]}" "${specs[@]}" \
		"$HOST_IP:16992" > /tmp/loss.out 2>&1
	ok $? "16 clients through loss, delay, reordering, duplicates: every answer correct"
	sed 's/^/# /' /tmp/loss.out
	check_ge "requests answered through the lossy link" "$(val ok /tmp/loss.out)" 20
	air "$BULK" send "$HOST_IP:$BULK_PORT" 1048576 > /tmp/bulk-loss.out 2>&1
	ok $? "1 MiB from CSME through the lossy link, every byte right"
	sed 's/^/# /' /tmp/bulk-loss.out
	# the requests above are one segment each: only a transfer to CSME
	# puts several of a connection's segments in flight to be reordered
	# (a short one: csme-sim keeps no out-of-order queue, so each reordered
	# segment costs a retransmission; 256 KiB took over 30 s)
	air "$BULK" recv "$HOST_IP:$BULK_PORT" 32768 > /tmp/bulk-loss-up.out 2>&1
	ok $? "32 KiB to CSME through the lossy link, CSME's CRC-32 and count right"
	sed 's/^/# /' /tmp/bulk-loss-up.out
	check_ge "csme-sim retransmitted" \
		$(($(net_counter tcp_retransmit) + $(net_counter tcp_fast_retransmit) - rx0 - fr0)) 1
	check_ge "csme-sim saw out-of-order segments" "$(($(net_counter tcp_out_of_order) - oo0))" 1
	check_ge "csme-sim saw duplicate segments" "$(($(net_counter tcp_dup_data) - dd0))" 1
	air tc qdisc del dev wlsim0air root
	tc qdisc del dev wlsim0 root
else
	ok 1 "netem on both directions of the air link: $(cat /tmp/tc.err)"
fi
check "AMT answers after the loss" wait_for 10 amt_get

# ---- bulk ------------------------------------------------------------------
air "$BULK" send "$HOST_IP:$BULK_PORT" "$BYTES" > /tmp/bulk-send.out 2>&1
ok $? "$BYTES bytes from CSME through SAP, every byte and the CRC-32 right"
sed 's/^/# /' /tmp/bulk-send.out
split0=$(sap_counter data_to_csme_gro_split)
air "$BULK" recv "$HOST_IP:$BULK_PORT" "$BYTES" > /tmp/bulk-recv.out 2>&1
ok $? "$BYTES bytes to CSME through SAP, CSME's CRC-32 and count right"
sed 's/^/# /' /tmp/bulk-recv.out
# wlsim0 merges received frames through GRO as mac80211 does: sap_host
# must have split merged frames back into MTU-sized ones for CSME
check_ge "frames GRO merged were split for CSME" \
	"$(($(sap_counter data_to_csme_gro_split) - split0))" 1
check_eq "no merged frame failed to split" "$(sap_counter data_to_csme_gro_fail)" 0
check_ge "csme-sim completed both transfers" "$(net_counter bulk_done)" 2
check_eq "no bad bulk command" "$(net_counter bulk_bad_cmd)" 0
check_eq "no frame to CSME was dropped" "$(sap_counter data_to_csme_dropped)" 0
check "AMT still answers" amt_get
diag "csme-sim's TCP and data counters (non-zero):"
diag "$(csme_get '.counters.amt_net | to_entries[] | select(.value != 0) |
	"\(.key) \(.value)"')"
csme_conformant "sap_load"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
