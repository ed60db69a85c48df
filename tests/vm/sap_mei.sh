#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The real transport: sap_mei_cl registers with Debian's MEI client bus
# (no CSME here, so nothing binds), coexists with sap_sim, and unloads.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"
trap 'sap_unload; rmmod mei 2> /dev/null' EXIT

# Debian builds the bus as a module; the debug kernel has it built in.
check "the MEI bus is there (modprobe mei)" sh -c 'modprobe mei 2> /dev/null || test -d /sys/bus/mei'
check "insmod sap_host" insmod "$moddir/drivers/net/wireless/sap/sap_host.ko"
check "insmod sap_mei_cl" insmod "$moddir/drivers/net/wireless/sap/mei/sap_mei_cl.ko"
check "the driver is on the MEI bus" test -d /sys/bus/mei/drivers/sap_mei_cl
modinfo -F alias "$moddir/drivers/net/wireless/sap/mei/sap_mei_cl.ko" | grep -q .
ok $((! $?)) "no modalias: udev does not autoload it (as iwlmei)"
check_eq "no client bound: sap_host unbound" "$(sap_status state)" unbound
check "sap_sim loads beside it" insmod "$moddir/drivers/net/wireless/sap/sim/sap_sim.ko"
check "rmmod sap_sim" rmmod sap_sim
check "rmmod sap_mei_cl" rmmod sap_mei_cl
check "rmmod sap_host" rmmod sap_host
tap_done
