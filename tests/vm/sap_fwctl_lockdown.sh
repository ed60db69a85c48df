#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# CSME over fwctl under kernel lockdown: sap_host's writable debugfs
# controls are refused, while the same controls and every reading work
# through the SAP host's fwctl device, at integrity and at confidentiality.
# Lockdown cannot be lowered, and once raised it refuses the unsigned
# modules this test loads first: it gets a boot of its own
# (tests/vm/TESTS.lockdown, run by tests/run-all.sh and the debug lane).
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

FWCTL=$root/build/bin/fwctl
LOCKDOWN=/sys/kernel/security/lockdown
trap sap_cleanup EXIT

sapj() { "$FWCTL" -j sap "$@" 2> /dev/null; }
rc_of() { "$@" > /dev/null 2>&1; echo $?; }
# dbg_write FILE: write 1 to a sap_host debugfs file, print the error text
dbg_write() { bash -c "echo 1 > $SAP_DBG/$1" 2>&1; }

check "load the SAP modules (before lockdown)" sap_load
check "csme-sim" csme_start
check "SAP session active" wait_for 20 sap_active
check "req_ownership (debugfs) works before lockdown" \
	sh -c "echo 1 > $SAP_DBG/req_ownership"

under() { # LEVEL: the checks at one lockdown level
	dbg_write req_ownership | grep -q "not permitted"
	ok $? "$1: debugfs req_ownership is refused (EPERM)"
	dbg_write send_start_message | grep -q "not permitted"
	ok $? "$1: debugfs send_start_message is refused (EPERM)"
	grep -q "^state active" "$SAP_DBG/status"
	ok $? "$1: read-only debugfs status still reads"
	check_eq "$1: fwctl sap status" "$(sapj status | jq -r .state)" active
	check_ge "$1: fwctl sap counters" "$(sapj counters | jq .counters.handshakes)" 1
	check_ge "$1: fwctl sap log" "$(sapj log | jq '.messages | length')" 1
	check_eq "$1: fwctl sap rings" "$(sapj rings | jq .valid)" 1
	check_eq "$1: fwctl sap restart reaches sap_host (session-up, exit 3)" \
		"$(rc_of "$FWCTL" sap restart)" 3
	check "$1: CSME takes the NIC" "$CSME_SIM" -s "$CSME_SOCK" nic take
	check "$1: csme-sim: CSME owns it" wait_val 5 = csme csme_get .owner
	check "$1: fwctl sap own request" "$FWCTL" sap own request
	check "$1: csme-sim: the host owns the NIC again" wait_val 5 = host csme_get .owner
	check_ge "$1: fwctl sap ping" "$(sapj ping | jq .rtt_us)" 0
}

if ! grep -q '\[confidentiality\]' "$LOCKDOWN"; then
	if grep -q '\[none\]' "$LOCKDOWN"; then
		check "raise lockdown to integrity" sh -c "echo integrity > $LOCKDOWN"
		under integrity
	fi
	check "raise lockdown to confidentiality" sh -c "echo confidentiality > $LOCKDOWN"
fi
grep -q '\[confidentiality\]' "$LOCKDOWN"
ok $? "lockdown reads [confidentiality]"
under confidentiality
tap_done
