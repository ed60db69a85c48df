#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fwctl mlx5 (caps, reg, diag, raw) against simulated ConnectX functions
# 60 and 61, printing TAP: exit statuses, the decoded values the firmware
# model holds (docs/fwctl-mlx5.md), JSON validity (tests/lib/json_check.h
# through build/vm-tests/json_valid) and fields (jq), and the messages.
# Run under tests/vm/mlx5_run.sh, which loads the modules.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
FWCTL=$root/build/bin/fwctl
JSON_VALID=$root/build/vm-tests/json_valid
BUS=/sys/bus/mlx5_sim
DBG=/sys/kernel/debug/mlx5_sim
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo 60 > $BUS/del_device 2> /dev/null; echo 61 > $BUS/del_device 2> /dev/null' EXIT
. "$root/tests/lib/tap.sh"

# run WANT DESCRIPTION ARGS...: fwctl ARGS, keep $out $err $rc
run() {
	local want=$1 desc=$2
	shift 2
	"$FWCTL" "$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	out=$(< "$tmp/out")
	err=$(< "$tmp/err")
	if [ "$rc" != "$want" ]; then
		diag "fwctl $*: exit $rc, expected $want"
		sed 's/^/  stdout: /' "$tmp/out" | head -n 8 | while read -r l; do diag "$l"; done
		sed 's/^/  stderr: /' "$tmp/err" | head -n 5 | while read -r l; do diag "$l"; done
	fi
	[ "$rc" = "$want" ]
	ok $? "fwctl $* -> exit $want${desc:+: $desc}"
}

# jq_is FILTER EXPECTED: a field of the last JSON output
jq_is() {
	local got
	got=$(jq -r "$1" < "$tmp/out" 2>&1)
	check_eq "jq '$1' = $2" "$got" "$2"
}

json_ok() {
	"$JSON_VALID" < "$tmp/out"
	ok $? "$1: valid JSON (json_check.h)"
}

err_has() {
	case $err in
	*"$1"*) ok 0 "message says: $1" ;;
	*) diag "stderr: $err"; ok 1 "message says: $1" ;;
	esac
}

out_has() {
	case $out in
	*"$1"*) ok 0 "output has: $1" ;;
	*) diag "stdout: $out"; ok 1 "output has: $1" ;;
	esac
}

# no function yet: nothing to pick
run 4 "no mlx5 function" mlx5 caps
err_has "no mlx5 fwctl device"
err_has "ENODEV"

check "create simulated function 60" sh -c "echo 60 > $BUS/new_device"
wait_for 10 ls /sys/devices/mlx5_sim60/fwctl
dev=$(ls /sys/devices/mlx5_sim60/fwctl 2> /dev/null | head -n 1)
check "its fwctl device ($dev)" test -n "$dev"

# caps: the general page, current and max, and the adapter
run 0 "picks the one mlx5 function" mlx5 caps
out_has "port_type eth"
out_has "num_ports 1"
out_has "log_max_qp 17"
out_has "psid FWG0000000001"
run 0 "" -j mlx5 "$dev" caps max
json_ok "caps max -j"
jq_is .device "$dev"
jq_is .values max
jq_is .log_max_qp 18
jq_is .port_type eth
jq_is .num_ports 1
jq_is '.uctx_cap / 4 % 2' 1
jq_is .vsd_vendor_id 5555
jq_is .psid FWG0000000001

# reg: decoded, at the lowest scope the policy gives ACCESS_REG reads
run 0 "" -j mlx5 reg mgir
json_ok "reg mgir -j"
jq_is .scope debug-read-only
jq_is .data.fw_version 22.39.42
jq_is .data.device_id 4125
run 0 "" -jp mlx5 "$dev" reg ptys
json_ok "reg ptys -jp"
jq_is .data.speed_mbps 100000
jq_is '.data.eth_proto_oper | join(",")' 100gbase-cr4
jq_is '.data.eth_proto_capability | length' 5
run 0 "" -j mlx5 reg mtmp
json_ok "reg mtmp -j"
jq_is '.data.temperature_c | split(".")[0]' 55
jq_is .data.sensor_name ASIC
run 0 "" -j mlx5 reg mcam
json_ok "reg mcam -j"
jq_is .register_id 36991
run 0 "" -j mlx5 reg ppcnt
json_ok "reg ppcnt -j"
f1=$(jq -r .data.frames_tx < "$tmp/out")
sleep 0.2
run 0 "" -j mlx5 reg PPCNT
f2=$(jq -r .data.frames_tx < "$tmp/out")
check "port counters advance ($f1 -> $f2)" test "$f2" -gt "$f1"
run 0 "text mode" mlx5 "$dev" reg mgir
out_has "fw_version 22.39.42"
out_has "scope debug-read-only"

# diag: off until SET_DIAGNOSTIC_PARAMS (raw, at debug-write) selects 3, 5
run 0 "" -j mlx5 diag
json_ok "diag -j, disabled"
jq_is .enabled false
jq_is '.counters | length' 0
set_diag=08200000000000000002000004000000000000000000000000000000000000000000000300000005
run 0 "SET_DIAGNOSTIC_PARAMS" -j mlx5 raw scope debug-write $set_diag
json_ok "raw -j"
jq_is .status 0
jq_is .scope debug-write
sleep 0.1
run 0 "" -j mlx5 diag
json_ok "diag -j, enabled"
jq_is .enabled true
jq_is '[.counters[].counter_id] | join(",")' 3,5
jq_is '.counters[0].value > 0' true
jq_is '.counters[1].value > .counters[0].value' true

# raw: the scope from the policy, status and syndrome, the out mailbox
run 0 "NOP at the policy's scope" -j mlx5 raw 080d0000000000000000000000000000
jq_is .scope debug-read-only
jq_is .status_name OK
run 3 "bad capability page" mlx5 raw out-len 4112 01000000000000fe0000000000000000
err_has "status 0x3 (BAD_PARAM), syndrome 0x5a000002"
out_has "status 0x3 (BAD_PARAM) syndrome 0x5a000002"
run 3 "out-len below QUERY_HCA_CAP's" -j mlx5 raw 01000000000000010000000000000000
json_ok "raw -j, firmware error"
jq_is .status_name BAD_OUTP_LEN
jq_is .syndrome $((0x5a000005))
run 0 "QUERY_HCA_CAP with room" -j mlx5 raw out-len 4112 01000000000000010000000000000000
jq_is .out_len 4112
jq_is .scope configuration
run 2 "opcode refused at every scope" mlx5 raw 0a040000000000000000000000000000
err_has "at no scope"
err_has "EBADMSG"
run 2 "NOP at configuration: the kernel refuses" mlx5 raw scope configuration 080d0000000000000000000000000000
err_has "EBADMSG"
run 2 "8 bytes: the kernel refuses" mlx5 raw scope debug-read-only 080d000000000000
err_has "EMSGSIZE"
run 1 "shorter than a header without scope" mlx5 raw 080d000000000000

# a firmware fault: reg reports the status
check "fail ACCESS_REG with status 4" sh -c \
	"echo 2053 > $DBG/mlx5_sim60/fail_opcode && echo 4 > $DBG/mlx5_sim60/fail_status"
run 3 "firmware error" mlx5 reg mgir
err_has "ACCESS_REG read: the firmware refused the command: status 0x4 (BAD_SYS_STATE)"
check "no more faults" sh -c "echo 0 > $DBG/mlx5_sim60/fail_status && echo 0 > $DBG/mlx5_sim60/fail_opcode"

# two functions: DEV must be named
check "create simulated function 61" sh -c "echo 61 > $BUS/new_device"
wait_for 10 ls /sys/devices/mlx5_sim61/fwctl
run 4 "two mlx5 functions" -j mlx5 caps
json_ok "error -j"
jq_is .error.errno_name ENOTUNIQ
run 0 "named by parent" mlx5 mlx5_sim61 reg mgir
check "delete simulated function 61" sh -c "echo 61 > $BUS/del_device"
check "delete simulated function 60" sh -c "echo 60 > $BUS/del_device"
check "no uid left behind" test "$(cat $DBG/uids_created)" = "$(cat $DBG/uids_destroyed)"
tap_done
