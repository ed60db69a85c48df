#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Inside the VM: a bulk transfer (AMT_BULK_BYTES, default 16 MiB; storage
# redirection carries this much) through SAP to csme-sim's bulk service,
# against the same transfer with the same client and protocol to a Linux
# server (bench/amt_bulk.c serve) over loopback, in the same run. A third
# path, over the air link to a Linux server on the host (wlan_sim and the
# namespaces, no SAP), splits the cost between the link and SAP.
#
# Under TCG the speed of the VM drifts by a third within a run, so the
# three paths take turns: each round moves the bytes once over each, and a
# round's ratio compares transfers made within a second or two of each
# other. AMT_BULK_ROUNDS rounds (default 5) per direction; the median of
# the rounds' ratios is the result. Prints "bench:" lines with the ratios
# (throughput over SAP / over loopback; goal >= 0.5) and "#" lines with
# every round and the counters that say where the time goes.
set -u
. "$FWGATE/tests/lib/tap.sh" > /dev/null
. "$FWGATE/tests/lib/sap.sh"
B=$FWGATE/build/bench/amt_bulk
BYTES=${AMT_BULK_BYTES:-16777216}
ROUNDS=${AMT_BULK_ROUNDS:-5}
PORT=16999
fail() {
	echo "bench: amt-bulk: $*"
	sap_diag
	exit 1
}
# one DIR ADDR [air]: MB/s of one transfer (it must be intact)
one() {
	local dir=$1 addr=$2 out
	shift 2
	out=$("$@" "$B" "$dir" "$addr" "$BYTES") || { echo "$out" >&2; return 1; }
	echo "$out" | sed -n 's/.*mbps=\([0-9.]*\).*/\1/p'
}
# median: of the numbers on stdin
median() {
	sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# snap: the counters that matter, one "name value" per line
snap() {
	awk '{ print "host." $1, $2 }' "$SAP_DBG/counters"
	"$CSME_SIM" -j -s "$CSME_SOCK" status | jq -r '.counters | to_entries[] |
		if (.value | type) == "object" then
			.key as $k | (.value | to_entries[] | "sim.\($k).\(.key) \(.value)")
		else "sim.\(.key) \(.value)" end' 2> /dev/null
}
# cpu_snap: "user system softirq idle" of all CPUs, then csme-sim's
# "utime stime", in clock ticks
cpu_snap() {
	local a
	read -r a < /proc/stat
	echo "$a" | awk '{ print $2 + $3, $4 + $7, $8, $5 + $6 }'
	awk '{ print $14, $15 }' "/proc/$csme_pid/stat"
}
# cpu_add PATH BEFORE AFTER: add the CPU time between two snapshots to
# /tmp/cpu-PATH
cpu_add() {
	awk 'FNR == NR { for (i = 1; i <= NF; i++) a[FNR, i] = $i; next }
	     { for (i = 1; i <= NF; i++) printf "%d%s", $i - a[FNR, i], i < NF ? " " : "\n" }' \
		"$2" "$3" >> "/tmp/cpu-$1"
}
# cpu_report PATH: its CPU time per MiB moved, split
cpu_report() {
	awk -v what="$1" -v mib=$((ROUNDS * BYTES >> 20)) -v hz="$(getconf CLK_TCK)" '
		FNR % 2 == 1 { for (i = 1; i <= 4; i++) c[i] += $i }
		FNR % 2 == 0 { for (i = 1; i <= 2; i++) s[i] += $i }
		END {
			f = 1000 / hz / mib
			printf "# cpu ms per MiB, %s: user %.1f (csme-sim %.1f), system %.1f", what, c[1] * f, s[1] * f, c[2] * f
			printf " (csme-sim %.1f), softirq %.1f, idle %.1f\n", s[2] * f, c[3] * f, c[4] * f
		}' "/tmp/cpu-$1"
}
# timed PATH CMD...: run CMD (prints MB/s), adding its CPU time to PATH's
timed() {
	local p=$1
	shift
	cpu_snap > /tmp/cpu-a
	"$@" || return 1
	cpu_snap > /tmp/cpu-b
	cpu_add "$p" /tmp/cpu-a /tmp/cpu-b
}
delta() { # BEFORE AFTER NAME...
	local n
	for n in "${@:3}"; do
		awk -v n="$n" 'FNR == NR { if ($1 == n) a = $2; next }
			       $1 == n { printf "%s %d\n", n, $2 - a }' "$1" "$2"
	done
}

sap_load || fail "cannot load the SAP modules"
air_setup || fail "cannot set up the air namespace"
csme_start --ip "$HOST_IP" --bulk-port "$PORT" || fail "csme-sim did not start"
wait_for 20 sap_active || fail "no SAP session"
wait_for 10 amt_get || fail "AMT does not answer"
"$B" serve 127.0.0.1:8098 &
lo_srv=$!
"$B" serve "$HOST_IP:8097" &
air_srv=$!
sleep 0.5

for dir in send recv; do
	rm -f /tmp/cpu-SAP /tmp/cpu-loopback /tmp/cpu-air /tmp/bulk-rounds
	snap > /tmp/bulk-before
	us=0
	for r in $(seq "$ROUNDS"); do
		t0=${EPOCHREALTIME/./}
		sap=$(timed SAP one "$dir" "$HOST_IP:$PORT" air) || fail "$dir through SAP failed"
		t1=${EPOCHREALTIME/./}
		us=$((us + t1 - t0))
		lo=$(timed loopback one "$dir" 127.0.0.1:8098) || fail "$dir over loopback failed"
		link=$(timed air one "$dir" "$HOST_IP:8097" air) || fail "$dir over the air link failed"
		echo "$sap $lo $link" >> /tmp/bulk-rounds
	done
	snap > /tmp/bulk-after
	what=$([ "$dir" = send ] && echo "CSME -> air (download)" || echo "air -> CSME (upload)")
	awk '{ printf "# round %d: SAP %s MB/s, loopback %s, air link %s: ratio %.3f\n",
	       NR, $1, $2, $3, $1 / $2 }' /tmp/bulk-rounds
	sap=$(awk '{ print $1 }' /tmp/bulk-rounds | median)
	lo=$(awk '{ print $2 }' /tmp/bulk-rounds | median)
	link=$(awk '{ print $3 }' /tmp/bulk-rounds | median)
	ratio=$(awk '{ print $1 / $2 }' /tmp/bulk-rounds | median)
	span=$(awk '{ r = $1 / $2; lo = NR == 1 || r < lo ? r : lo; hi = r > hi ? r : hi }
		    END { printf "%.2f-%.2f", lo, hi }' /tmp/bulk-rounds)
	echo "bench: amt bulk $what $((BYTES >> 20)) MiB x $ROUNDS rounds, medians: SAP $sap MB/s," \
		"loopback $lo MB/s: ratio $(printf %.3f "$ratio") (rounds $span; goal >= 0.5);" \
		"air link without SAP $link MB/s (SAP/link $(awk -v a="$sap" -v b="$link" \
		'BEGIN { printf "%.2f", a / b }'))"
	# where the time goes: ROUNDS transfers through SAP in $us us
	delta /tmp/bulk-before /tmp/bulk-after host.csa_rx host.csa_tx host.csa_throttled \
		host.me_rx host.data_from_csme host.data_to_csme host.data_to_csme_dropped \
		host.ring_h2m1_full sim.data_out sim.data_in sim.data_out_drop \
		sim.amt_net.tcp_tx_blocked sim.amt_net.tcp_fast_retransmit \
		sim.amt_net.tcp_retransmit sim.amt_net.tcp_out_of_order > /tmp/bulk-delta
	sed 's/^/# /' /tmp/bulk-delta
	awk -v us="$us" -v n="$ROUNDS" -v bytes="$BYTES" '
		{ v[$1] = $2 }
		END {
			fr = v["host.data_from_csme"] + v["host.data_to_csme"]
			printf "# %.0f us for %d x %d bytes: %.1f us per frame through SAP", us, n, bytes, fr ? us / fr : 0
			printf ", %.1f frames per doorbell from CSME, %.1f per doorbell to CSME\n",
				v["host.csa_rx"] ? v["host.data_from_csme"] / v["host.csa_rx"] : 0,
				v["host.csa_tx"] ? v["host.data_to_csme"] / v["host.csa_tx"] : 0
		}' /tmp/bulk-delta
	cpu_report SAP
	cpu_report loopback
	cpu_report air
done
kill "$lo_srv" "$air_srv"
csme_stop
air_teardown
sap_unload
