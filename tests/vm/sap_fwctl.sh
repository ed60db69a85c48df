#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# sap_host's fwctl device (CSME over fwctl) against csme-sim, through the
# unmodified fwctl(8) command:
#  - the device appears with a transport, child of the transport's device;
#  - every op at every scope: EPERM below its minimum, past the scope check
#    at and above it; raw needs CAP_SYS_RAWIO;
#  - the ownership requests move the NIC as csme-sim reports;
#  - requests the state cannot serve say why (exit 3, reason);
#  - bad raw notifications get EINVAL and reach nobody;
#  - the flight recorder shows a hostile message with its rejection reason;
#  - the device goes with the transport under load (open files get ENODEV)
#    and a new one comes with it, also across a CSME firmware reset.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

FWCTL=$root/build/bin/fwctl
trap sap_cleanup EXIT

sapj() { "$FWCTL" -j sap "$@" 2> /dev/null; }
sap_state() { sapj status | jq -r .state; }
sap_owner() { sapj status | jq -r .owner; }
# the fwctl class devices whose parent is the sap_sim device
sap_devs() {
	local d
	for d in /sys/class/fwctl/fwctl*; do
		[ -e "$d" ] || continue
		readlink -f "$d/device" | grep -q sap_sim && basename "$d"
	done
}
# rc_of CMD...: the exit status, output discarded
rc_of() { "$@" > /dev/null 2>&1; echo $?; }
err_of() { "$@" 2>&1 > /dev/null; }

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active

dev=$(sap_devs)
check_eq "exactly one fwctl device below sap_sim" "$(echo "$dev" | wc -w)" 1
check_eq "fwctl dev show names its type sap" \
	"$("$FWCTL" -j info "$dev" 2> /dev/null | jq -r .type)" sap
check_eq "status (configuration): state active" "$(sap_state)" active
check_eq "status: SAP version 3 or 4" \
	"$(sapj status | jq -r '.sap_version == 3 or .sap_version == 4')" true
check_eq "status with the device named" \
	"$("$FWCTL" -j sap "$dev" status 2> /dev/null | jq -r .state)" active

# every op: allowed at its minimum scope, EPERM one below
for op in counters filters; do
	check "$op at configuration" "$FWCTL" sap "$op"
done
check_ge "counters: handshakes counted" "$(sapj counters | jq .counters.handshakes)" 1
for op in log rings; do
	check "$op at debug-read-only" "$FWCTL" sap "$op"
	check_eq "$op at configuration: EPERM (exit 2)" \
		"$(rc_of "$FWCTL" sap "$op" scope configuration)" 2
	err_of "$FWCTL" sap "$op" scope configuration | grep -q EPERM
	ok $? "$op at configuration: the message names EPERM"
done
check_eq "rings: the shared area is mapped" "$(sapj rings | jq .valid)" 1
for op in ping restart "own give" "own request"; do
	# shellcheck disable=SC2086
	check_eq "$op at debug-read-only: EPERM (exit 2)" \
		"$(rc_of "$FWCTL" sap $op scope debug-read-only)" 2
done
check_ge "ping (debug-write): CSME answers" "$(sapj ping | jq .rtt_us)" 0
check_eq "restart while the session is up: refused, exit 3" \
	"$(rc_of "$FWCTL" sap restart)" 3
err_of "$FWCTL" sap restart | grep -q session-up
ok $? "restart: the reason is session-up"
check_eq "own give unasked: refused, exit 3" "$(rc_of "$FWCTL" sap own give)" 3
err_of "$FWCTL" sap own give | grep -q not-asked
ok $? "own give: the reason is not-asked"
check_eq "JSON error names the reason" \
	"$("$FWCTL" -j sap own give 2> /dev/null | jq -r .error.why)" not-asked

# the whole matrix: every op at every scope; below its minimum the fwctl core
# refuses it (EPERM), at or above it the op gets past the scope check (it may
# still be refused for the session's state, never with EPERM)
scopes="configuration debug-read-only debug-write debug-write-full"
for spec in status:0 counters:0 filters:0 log:1 rings:1 ping:2 restart:2 \
	    "own give:2" "own request:2" "raw f303000000000000:3"; do
	op=${spec%:*} min=${spec##*:} i=0
	for scope in $scopes; do
		# shellcheck disable=SC2086
		err=$(err_of "$FWCTL" sap $op scope $scope)
		if [ $i -lt "$min" ]; then
			echo "$err" | grep -q EPERM
			ok $? "matrix: $op at $scope is refused with EPERM"
		else
			! echo "$err" | grep -q EPERM
			ok $? "matrix: $op at $scope passes the scope check"
		fi
		i=$((i + 1))
	done
done

# raw: WHO_OWNS_NIC (1011 = 0x3f3), empty payload
who_owns=f303000000000000
check_eq "raw at debug-write: EPERM" "$(rc_of "$FWCTL" sap raw $who_owns scope debug-write)" 2
check_eq "raw without CAP_SYS_RAWIO: EPERM" \
	"$(rc_of capsh --drop=cap_sys_rawio -- -c "$FWCTL sap raw $who_owns")" 2
rx=$(sapj counters | jq .counters.notif_rx)
check "raw WHO_OWNS_NIC at debug-write-full" "$FWCTL" sap raw $who_owns
check "CSME answered it (notif_rx grew)" \
	wait_val 5 -gt "$rx" eval "$FWCTL -j sap counters | jq .counters.notif_rx"
check_eq "raw CSME-only type (CSME_FILTERS): EINVAL" \
	"$(err_of "$FWCTL" sap raw f401000000000000 | grep -c EINVAL)" 1
check_eq "raw length field wrong: EINVAL" \
	"$(err_of "$FWCTL" sap raw f303040000000000 | grep -c EINVAL)" 1
check_eq "raw 4 bytes: EINVAL" "$(err_of "$FWCTL" sap raw f3030000 | grep -c EINVAL)" 1
check_eq "log shows the raw message sent" \
	"$(sapj log | jq '[.messages[] | select(.dir == "to-csme" and .type == 1011)] | length > 0')" true

# ownership, as csme-sim sees it
check "CSME takes the NIC" csme nic take
check "csme-sim: CSME owns it" wait_val 5 = csme csme_get .owner
check "status: owner csme" wait_val 5 = csme sap_owner
check_eq "status: last ownership message: the host confirmed the take (1007)" \
	"$(sapj status | jq -c '.last_ownership_message | [.from, .type]')" '["host",1007]' 
check "csme-sim policy deny" csme policy deny
check_eq "own request, CSME denies: exit 3" "$(rc_of "$FWCTL" sap own request)" 3
err_of "$FWCTL" sap own request | grep -q denied
ok $? "own request: the reason is denied"
check_eq "csme-sim: CSME still owns the NIC" "$(csme_get .owner)" csme
check "csme-sim policy grant" csme policy grant
check "own request, CSME grants" "$FWCTL" sap own request
check "csme-sim: the host owns the NIC" wait_val 5 = host csme_get .owner
check_eq "status: owner host" "$(sap_owner)" host

# a hostile message in the recorder, with its reason
next=$(sapj log | jq .next)
check "csme-sim hostile bad-type" csme hostile bad-type
check "the host rejected it" wait_val 5 -ge 1 eval \
	"$FWCTL -j sap log from $next | jq '[.messages[] | select(.dir == \"from-csme\" and .verdict != \"ok\")] | length'"
diag "$("$FWCTL" sap log from "$next" 2> /dev/null | grep -v ' ok$' | head -3)"
check_eq "a notification of unknown type: verdict unknown_type" \
	"$(sapj log from "$next" | jq '[.messages[] | select(.dir == "from-csme" and .queue == "notif") | .verdict] | any(. == "unknown_type")')" \
	true
check_eq "a notification in the data queue: verdict wrong_queue" \
	"$(sapj log from "$next" | jq '[.messages[] | select(.dir == "from-csme" and .queue == "data") | .verdict] | any(. == "wrong_queue")')" \
	true
check "session still active" sap_active

# unplug under load: readers in a loop while the transport goes
load() { while :; do "$FWCTL" sap "$dev" log > /dev/null 2>&1; done; }
load & l1=$!
load & l2=$!
# one file open across the unplug: a batch fwctl fed through a FIFO
fifo=/tmp/sap_fwctl.fifo
rm -f "$fifo" && mkfifo "$fifo"
"$FWCTL" -b - < "$fifo" > /tmp/sap_fwctl.batch 2>&1 &
bpid=$!
exec 7> "$fifo"
echo "sap $dev status" >&7
check "the open file works" wait_for 5 grep -q "state active" /tmp/sap_fwctl.batch
sleep 0.5
# the simulated client goes away (csme-sim detaches from sap_sim)
csme_stop
check "the transport went: no fwctl device below sap_sim" \
	wait_val 5 = 0 eval "sap_devs | wc -w"
echo "sap $dev status" >&7
exec 7>&-
wait "$bpid"
grep -q ENODEV /tmp/sap_fwctl.batch
ok $? "the open file then gets ENODEV"
kill "$l1" "$l2" 2> /dev/null
wait "$l1" "$l2" 2> /dev/null
check "rmmod sap_sim (module unload)" rmmod sap_sim
check "insmod sap_sim again" insmod "$moddir/drivers/net/wireless/sap/sim/sap_sim.ko"
check "csme-sim again" csme_start --ip "$HOST_IP"
check "SAP session active again" wait_for 20 sap_active
check_eq "a new fwctl device below sap_sim" "$(sap_devs | wc -w)" 1
check_eq "status through it" "$(sap_state)" active

# CSME firmware reset: the device goes with the transport and comes back
next=$(sapj log | jq .next)
check "csme-sim fw reset" csme fw reset
check "SAP session active after the reset" wait_for 20 sap_active
check_eq "one fwctl device below sap_sim after the reset" "$(sap_devs | wc -w)" 1
check "the recorder kept counting across the reset" \
	wait_val 5 -gt "$next" eval "$FWCTL -j sap log | jq .next"
csme_conformant "after the fwctl requests"
tap_done
