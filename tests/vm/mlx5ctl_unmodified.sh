#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The unmodified mlx5ctl tool (github.com/saeedtx/mlx5ctl, fwctl backend)
# against a simulated ConnectX function, printing TAP. The binary is built
# outside the tree by scripts/mlx5ctl-lane.sh into build/mlx5ctl/mlx5ctl;
# this test only runs in that lane. Run under tests/vm/mlx5_run.sh.
#
# What must hold (issue 11): mlx5ctl lists the function by its sysfs rules,
# and info, cap and obj adapter print what the firmware model holds; its
# other commands fail cleanly with the EBADMSG that upstream's scope-0
# policy gives them; no command crashes; every user context it opens is
# gone when it exits.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
MLX5CTL=${MLX5CTL:-$root/build/mlx5ctl/mlx5ctl}
FWCTL=$root/build/bin/fwctl
BUS=/sys/bus/mlx5_sim
DBG=/sys/kernel/debug/mlx5_sim/mlx5_sim60
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo 60 > $BUS/del_device 2> /dev/null' EXIT
. "$root/tests/lib/tap.sh"

# mlx5ctl_run WANT DESCRIPTION ARGS...: WANT is an exit status or "fail"
# (any status from 1 to 127: an error, not a signal)
mlx5ctl_run() {
	local want=$1 desc=$2 good
	shift 2
	"$MLX5CTL" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
	rc=$?
	out=$(< "$tmp/out")
	err=$(< "$tmp/err")
	if [ "$want" = fail ]; then
		[ "$rc" -ge 1 ] && [ "$rc" -lt 128 ]
	else
		[ "$rc" = "$want" ]
	fi
	good=$?
	if [ $good != 0 ]; then
		diag "mlx5ctl $*: exit $rc, expected $want"
		head -n 6 "$tmp/out" | sed 's/^/  stdout: /' | while read -r l; do diag "$l"; done
		head -n 4 "$tmp/err" | sed 's/^/  stderr: /' | while read -r l; do diag "$l"; done
	fi
	ok $good "mlx5ctl $* -> exit $want${desc:+: $desc}"
}

has() {
	case $2 in
	*"$3"*) ok 0 "$1 has: $3" ;;
	*) diag "$1: $2" | head -n 20; ok 1 "$1 has: $3" ;;
	esac
}

live_uids_zero() {
	wait_val 5 = 0 cat "$DBG/live_uids"
	ok $? "no firmware user context left after mlx5ctl exits ($(cat "$DBG/live_uids" 2> /dev/null))"
}

if [ ! -x "$MLX5CTL" ]; then
	ok 1 "mlx5ctl binary at $MLX5CTL (build it with scripts/mlx5ctl-lane.sh)"
	tap_done
fi

check "create simulated function 60" sh -c "echo 60 > $BUS/new_device"
wait_for 10 ls /sys/devices/mlx5_sim60/fwctl
dev=$(ls /sys/devices/mlx5_sim60/fwctl 2> /dev/null | head -n 1)
check "its fwctl device ($dev)" test -n "$dev"

# Listing: without arguments mlx5ctl prints its help and the devices its
# sysfs rules accept.
mlx5ctl_run 0 "help lists devices"
has "device list" "$out" "Found 1 mlx5ctl devices:"
has "device list" "$out" "/dev/fwctl/$dev mlx5_sim60"

# info by node name, by number and by parent path: the three ways it takes
mlx5ctl_run 0 "" "$dev" info
has "info" "$out" "ctldev: /dev/fwctl/$dev"
has "info" "$out" "Parent dev: mlx5_sim60"
uid=$(sed -n 's/^UCTX UID: //p' <<< "$out")
check_ge "info: a firmware user context was created (UCTX UID $uid)" "$uid" 1
has "info" "$out" "UCTX CAP: 0x"
mlx5ctl_run 0 "by number" "${dev#fwctl}" info
mlx5ctl_run 0 "by parent path" mlx5_sim60 info
has "info by parent" "$out" "ctldev: /dev/fwctl/$dev"
live_uids_zero

# cap: every capability page with a pretty printer; the general page must
# carry what the firmware model holds (the values fwctl mlx5 caps decodes)
mlx5ctl_run 0 "" "$dev" cap
has "cap" "$out" "MLX5_CAP_GENERAL: (0x0) (cur)"
"$FWCTL" -j mlx5 "$dev" caps > "$tmp/caps.json" 2> /dev/null
for f in log_max_qp log_max_cq num_ports log_max_pd; do
	want=$(jq -r ".$f // empty" < "$tmp/caps.json")
	if [ -z "$want" ]; then
		diag "fwctl mlx5 caps -j has no $f"
		ok 1 "cap: $f as fwctl decodes it"
		continue
	fi
	got=$(sed -n "/^MLX5_CAP_GENERAL:/,/^MLX5_CAP_/s/^\t$f: //p" <<< "$out" | head -n 1)
	check_eq "cap: $f as fwctl decodes it" "$got" "$want"
done
mlx5ctl_run 0 "general page, max, hex" "$dev" cap --id=GENERAL --mode=max -H
hex=$(tr -d ' \n' <<< "$out")
check_eq "cap --mode=max: the whole general page (cmd_hca_cap, 256 bytes)" "${#hex}" 512
live_uids_zero

# obj adapter: QUERY_ADAPTER's out mailbox; its PSID is the model's.
# (mlx5ctl insists on --id even where the command has no object id.)
mlx5ctl_run 0 "" "$dev" obj adapter --id=0
hex=$(tr -d ' \n' <<< "$out")
psid=$(printf 'FWG0000000001' | od -An -tx1 | tr -d ' \n')
has "obj adapter (hex)" "$hex" "$psid"
check_eq "obj adapter: status 0 in the out mailbox" "${hex:0:2}" "00"

# Outside upstream's scope-0 allow-list: EBADMSG, printed, no crash
mlx5ctl_run fail "PTYS read needs debug read-only" "$dev" reg --id=PTYS
has "reg stderr" "$err" "errno(74)"
mlx5ctl_run fail "" "$dev" reg --id=0x900a
has "reg MTMP stderr" "$err" "errno(74)"
# Allowed at scope 0 and modelled: the debug capability page (QUERY_HCA_CAP
# op_mod 0x1b), which mlx5ctl's diagcnt cap decodes, and QUERY_ESW_FUNCTIONS
mlx5ctl_run 0 "" "$dev" diagcnt cap
has "diagcnt cap" "$out" "num_of_diagnostic_counters: 16"
has "diagcnt cap" "$out" "log_max_samples: 10"
has "diagcnt cap" "$out" "counter[0]: 0x1 sync(0)"
has "diagcnt cap" "$out" "counter[15]: 0x10 sync(0)"
mlx5ctl_run fail "QUERY_DIAGNOSTIC_PARAMS needs debug read-only" "$dev" diagcnt param 2
has "diagcnt param stderr" "$err" "errno(74)"
mlx5ctl_run 0 "resource dump: refused, printed, exit 0 as mlx5ctl does" "$dev" rscdump
has "rscdump stderr" "$err" "errno(74)"
mlx5ctl_run fail "QUERY_QP is not in the allow-list" "$dev" obj qp --id=1
has "obj qp stderr" "$err" "errno(74)"
mlx5ctl_run 0 "" "$dev" obj esw_functions --id=0
hex=$(tr -d ' \n' <<< "$out")
check_eq "obj esw_functions: status 0 in the out mailbox" "${hex:0:2}" "00"
# host_params_context at byte 16: host_total_vfs (bytes 20-21) is 8
check_eq "obj esw_functions: the host PF supports 8 VFs" "${hex:40:4}" "0008"
live_uids_zero

# Unplug while mlx5ctl holds the device open: its sleeping file is cut off
"$MLX5CTL" "$dev" sleep 3 info > "$tmp/sleep.out" 2>&1 &
pid=$!
wait_for 5 grep -q "UCTX UID" "$tmp/sleep.out"
check "remove function 60 while mlx5ctl sleeps on it" sh -c "echo 60 > $BUS/del_device"
wait "$pid"
check_eq "mlx5ctl exits normally after the unplug" "$?" 0
check "the fwctl device is gone" test ! -e "/dev/fwctl/$dev"
mlx5ctl_run fail "no device any more" "$dev" info

tap_done
