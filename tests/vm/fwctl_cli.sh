#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The fwctl command against the real modules, printing TAP: every object
# and command, its exit status (0 ok, 1 usage, 2 kernel refusal, 3 firmware
# refusal, 4 no such device), its output, JSON validity and fields (jq),
# and the error messages. Uses sim devices
# 320-329 and removes them again.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
FWCTL=$root/build/bin/fwctl
BUS=/sys/bus/fwctl_sim
DBG=/sys/kernel/debug/fwctl_sim
A=fwctl_sim320
B=fwctl_sim321
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
echo "TAP version 13"

last=${EPOCHREALTIME/./}
ok() { # STATUS DESCRIPTION
	local now=${EPOCHREALTIME/./}
	# processes start slowly in the VM (TCG, root over 9p): show slow steps
	[ $((now - last)) -gt 2000000 ] && echo "# slow: $(((now - last) / 1000)) ms"
	last=$now
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

check() { # DESCRIPTION COMMAND...: ok if the command succeeds
	local desc=$1
	shift
	"$@" > /dev/null 2>&1
	ok $? "$desc"
}

# run WANT DESCRIPTION ARGS...: run fwctl, keep $out $err $rc, check the exit status
run() {
	local want=$1 desc=$2
	shift 2
	"$FWCTL" "$@" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	out=$(< "$tmp/out")
	err=$(< "$tmp/err")
	if [ "$rc" != "$want" ]; then
		echo "# fwctl $*: exit $rc, expected $want"
		sed 's/^/#   stdout: /' "$tmp/out" | head -n 5
		sed 's/^/#   stderr: /' "$tmp/err" | head -n 5
	fi
	[ "$rc" = "$want" ]
	ok $? "fwctl $* -> exit $want${desc:+: $desc}"
}

out_has() { # TEXT DESCRIPTION
	case $out in *"$1"*) ok 0 "$2" ;; *) echo "# stdout lacks: $1"; ok 1 "$2" ;; esac
}

err_has() { # TEXT DESCRIPTION
	case $err in *"$1"*) ok 0 "$2" ;; *) echo "# stderr: $err"; ok 1 "$2" ;; esac
}

# jq_is FILTER EXPECTED DESCRIPTION: one jq run (processes start slowly
# here) checks both that stdout of the last command is valid JSON and that
# FILTER gives EXPECTED; two TAP lines.
jq_is() {
	local got
	got=$(jq -r "$1" < "$tmp/out" 2>&1)
	jq_rc=$?
	[ $jq_rc = 0 ] || echo "# jq: $got"
	ok $jq_rc "stdout is valid JSON (jq)"
	[ "$got" = "$2" ] || echo "# jq '$1' gave '$got', expected '$2'"
	[ "$got" = "$2" ]
	ok $? "$3"
}

check "create $A" sh -c "echo 320 > $BUS/new_device"
check "create $B" sh -c "echo 321 > $BUS/new_device"
name=$(ls "$BUS/devices/$A/fwctl" 2> /dev/null | head -n 1)
num=${name#fwctl}
majmin=$(< "/sys/class/fwctl/$name/dev")
[ -n "$name" ]
ok $? "$A has fwctl device $name ($majmin)"

# --- help and usage
run 0 "" help
out_has "OBJECT := { dev | info | mlx5 | rpc | sap | sim }" "help shows the objects"
run 0 "" --help
run 0 "" -V
out_has "libfwctl" "-V names the library version"
run 1 "no object" 
run 1 "" frob
run 1 "" -x dev
run 0 "" dev help
run 0 "" info help
run 0 "" rpc help
run 0 "" sim help
out_has "obj alloc TAG" "sim help lists the commands"
run 0 "" sim "$A" help
run 1 "" sim
run 1 "" sim "$A"
run 1 "" sim "$A" frobnicate
err_has 'unknown sim command "frobnicate"' "names the unknown command"
run 1 "" sim "$A" cfg set mtu
err_has "usage: fwctl sim DEV cfg set KEY VALUE" "shows the usage"
run 1 "" sim "$A" cfg get speed
run 1 "" sim "$A" reg read x

# --- dev
run 0 "" dev
out_has "$name: type fwctl_sim driver fwctl_sim parent fwctl_sim/$A node /dev/fwctl/$name dev $majmin" \
	"the device line has type, driver, bus/parent, node and MAJ:MIN"
out_has "parent fwctl_sim/$B" "both devices are listed"
run 0 "" -j dev
jq_is ".devices[] | select(.parent == \"$A\") | [.name, .type, .type_id, .driver, .bus, .node, \"\\(.major):\\(.minor)\", .parent_path] | join(\",\")" \
	"$name,fwctl_sim,62881,fwctl_sim,fwctl_sim,/dev/fwctl/$name,$majmin,/sys/devices/$A" \
	"dev -j: name, type, type_id, driver, bus, node, MAJ:MIN and parent_path of $A"
run 0 "" -j -p dev
jq_is '.devices | length >= 2' true "dev -jp: both devices"
[ "$(wc -l < "$tmp/out")" -gt 5 ]
ok $? "-p spreads it over lines"
run 0 "" dev show "$A"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ]
ok $? "dev show DEV prints one device"
run 4 "" dev show fwctl_sim399
err_has "no such fwctl device" "says no such device"
run 1 "" dev frob

# --- info, by every kind of name
for spec in "$name" "$num" "/dev/fwctl/$name" "$A" "fwctl_sim/$A" "/sys/devices/$A" "/sys/class/fwctl/$name"; do
	run 0 "by $spec" info "$spec"
done
out_has "dev_id 320" "info decodes the device id"
out_has "fw_version 1.4.2" "and the firmware version"
out_has "caps 0xf config debug raw-mem objects" "and the capabilities"
run 0 "" -j info "$A"
jq_is '[.type, .device_data_len, .info.dev_id, .info.fw_version, (.info.caps | join("+"))] | join(",")' \
	"fwctl_sim,16,320,1.4.2,config+debug+raw-mem+objects" "info -j: type, data length, decoded fields"
run 4 "" info /dev/null
err_has "not a fwctl device" "explains ENOTTY"
run 4 "" info /nonexistent
run 1 "" info

# --- sim commands
run 0 "" sim "$A" identify
out_has "serial FWSIM-00000140" "identify decodes the serial"
out_has "max_objects 16" "and the limits"
run 0 "" -j sim "$A" identify
jq_is '[.op, .scope, .status, .identify.serial, .identify.mem_size] | join(",")' \
	"identify,configuration,ok,FWSIM-00000140,4096" "JSON fields"
run 0 "" sim "$A" counters
out_has "contexts 1" "counters: one context (this process)"
run 0 "" -j sim "$A" counters
out_has '"scope":"debug-read-only"' "counters run at debug-read-only by default"
run 0 "" sim "$A" cfg set mtu 9000
out_has "mtu 9000" "cfg set echoes the value"
run 0 "" sim "$A" cfg get mtu
out_has "mtu 9000" "cfg get reads it back"
run 0 "" sim "$A" cfg set led-mode blink
out_has "led-mode 2 (blink)" "led-mode by name"
run 0 "" -j sim "$A" cfg
jq_is '[.cfg.mtu, .cfg."num-queues", .cfg."led-mode", .cfg."power-limit-mw"] | join(",")' "9000,8,2,15000" \
	"all four keys"
run 3 "firmware refusal" sim "$A" cfg set mtu 12
err_has "bad-value" "names the status"
err_has "syndrome 12" "and the syndrome"
run 3 "" -j sim "$A" cfg set power-limit-mw 30000
jq_is '[.status, .status_code, .syndrome] | join(",")' "bad-value,2,30000" "JSON carries the refusal"
run 0 "" sim "$A" reg write 5 0x55
out_has "reg 5 0x00000055" "reg write"
run 0 "" sim "$A" reg read 5
out_has "reg 5 0x00000055" "reg read"
run 3 "read-only register" sim "$A" reg write 0 1
run 3 "no register 64" sim "$A" reg read 64
run 0 "" sim "$A" mem write 16 deadbeef
out_has "mem wrote 4 bytes at 0x10" "mem write"
run 0 "" sim "$A" mem read 16 4
out_has "00000010  de ad be ef" "mem read as a hex dump at the offset"
[ "$("$FWCTL" sim "$A" mem read 16 4 raw | od -An -tx1 | tr -d ' \n')" = deadbeef ]
ok $? "mem read raw gives the bytes"
run 0 "" -j sim "$A" mem read 16 4
out_has '"mem":{"offset":16,"len":4,"data":"deadbeef"}' "mem read -j"
run 3 "past the scratch memory" sim "$A" mem read 4090 10
run 0 "" sim "$A" log len 128
[ "$(printf '%s\n' "$out" | wc -l)" = 2 ]
ok $? "log len 128: two lines"
out_has "00000001 fwsim320" "the second is line 1"
run 0 "" sim "$A" log offset 64 len 64
case $out in "00000001 fwsim320 pll: locked"*) ok 0 "log offset 64 starts at line 1" ;; *) ok 1 "log offset 64 starts at line 1" ;; esac
[ "$("$FWCTL" sim "$A" log | wc -c)" = 2097136 ]
ok $? "log without len prints the whole 2 MiB - 16 bytes"
run 0 "" -j sim "$A" log offset 128 len 64
jq_is '[.log.offset, .log.len, .log.next_offset, (.log.text | startswith("00000002"))] | join(",")' \
	"128,64,192,true" "log -j"
run 3 "offset past the log" sim "$A" log offset 3000000
run 0 "" sim "$A" reset
run 0 "" sim "$A" reg read 5
out_has "reg 5 0x00000000" "reset cleared the register"
run 0 "" sim "$A" cfg get mtu
out_has "mtu 9000" "but the configuration persisted"
run 0 "" sim "$A" nop
run 0 "" -j sim "$A" nop
out_has '"op":"nop","scope":"configuration","scope_id":0,"status":"ok"' "nop -j"
run 3 "objects die with the process" sim "$A" obj query 1
err_has "not-found" "NOT_FOUND"

# --- the kernel says no
run 2 "below the minimum scope" sim "$A" counters scope configuration
err_has "(EPERM)" "names EPERM"
err_has "needs a higher scope" "and explains it"
run 2 "" sim "$A" nop scope 4
err_has "unknown scope" "scope 4 is unknown"
run 2 "" sim "$A" nop scope 0xffffffff
run 2 "" -j sim "$A" nop scope 4
jq_is '[.error.errno_name, .error.exit_status] | join(",")' "EOPNOTSUPP,2" "with errno name and exit status"
if command -v setpriv > /dev/null; then
	nocap() { setpriv --inh-caps=-sys_rawio --bounding-set=-sys_rawio "$@"; }
	"$(command -v setpriv)" --inh-caps=-sys_rawio --bounding-set=-sys_rawio \
		"$FWCTL" sim "$A" mem read 0 4 > "$tmp/out" 2> "$tmp/err"
	rc=$?
	err=$(< "$tmp/err")
	[ "$rc" = 2 ]
	ok $? "mem read without CAP_SYS_RAWIO (setpriv) -> exit 2"
	err_has "write-full scope needs CAP_SYS_RAWIO" "explained as needing CAP_SYS_RAWIO"
	nocap "$FWCTL" rpc "$A" scope debug-write-full in 41000000000000000400000000000000 > /dev/null 2>&1
	[ $? = 2 ]
	ok $? "a raw write-full RPC without CAP_SYS_RAWIO -> exit 2"
	nocap "$FWCTL" sim "$A" reg write 6 1 > /dev/null 2>&1
	ok $? "a debug write does not need CAP_SYS_RAWIO -> exit 0"
else
	ok 0 "# SKIP setpriv not installed"
fi

# --- raw rpc
IDENTIFY=01000000000000000000000000000000
run 0 "" rpc "$A" scope 0 in $IDENTIFY
out_has "response 80 bytes, status 0" "response length and status"
out_has "00000000  00 00 00 00 01 00 00 00  40 00 00 00" "hex dump of the header"
run 0 "" -j rpc "$A" scope configuration in $IDENTIFY
jq_is '[.type, .scope, .in_len, .out_len, .truncated, .status] | join(",")' "fwctl_sim,configuration,16,80,false,0" \
	"rpc -j fields"
printf '\001\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' > "$tmp/req"
run 0 "from a file" rpc "$A" scope 0 file "$tmp/req"
"$FWCTL" rpc "$A" scope 0 - raw < "$tmp/req" > "$tmp/raw"
[ $? = 0 ] && [ "$(wc -c < "$tmp/raw")" = 80 ]
ok $? "from stdin, raw output: 80 bytes"
run 0 "" rpc "$A" scope 0 in $IDENTIFY out-len 20
err_has "truncated" "a short buffer is reported as truncation"
out_has "response 80 bytes (truncated to 20)" "with both lengths"
run 3 "status in the response" rpc "$A" scope 0 in 11000000000000000c00000000000000
err_has "bad-value" "decoded for the sim"
run 2 "8-byte request" rpc "$A" scope 0 in 0100000000000000
err_has "(EINVAL)" "EINVAL"
run 2 "opcode outside the catalogue" rpc "$A" scope 3 in 77770000000000000000000000000000
err_has "does not offer" "explained"
head -c $((2 * 1024 * 1024 + 1)) /dev/zero > "$tmp/big"
run 2 "a request over 2 MiB" rpc "$A" scope 0 file "$tmp/big"
err_has "larger than 2 MiB" "explains EMSGSIZE"
run 2 "a 3 MiB response buffer" rpc "$A" scope 0 in $IDENTIFY out-len 3M
run 1 "scope missing" rpc "$A" in $IDENTIFY
run 1 "bad hex" rpc "$A" scope 0 in 0g
run 1 "unknown scope word" rpc "$A" scope admin in $IDENTIFY
run 4 "missing file" rpc "$A" scope 0 file /nonexistent

# --- batch: objects live as long as the process
printf '%s\n' "sim $A obj alloc 0xaa" "sim $A obj query 1" "sim $A obj free 1" "sim $A obj query 1" "sim $A nop" \
	> "$tmp/batch"
run 3 "stops at the failing line" -b "$tmp/batch"
[ "$(printf '%s\n' "$out" | grep -c '^obj 1 tag 0xaa')" = 3 ]
ok $? "alloc, query and free within one process"
err_has "line 4 failed (exit status 3)" "names the line"
run 3 "-force goes on" -f -j -b "$tmp/batch"
[ "$(printf '%s\n' "$out" | wc -l)" = 5 ] && printf '%s\n' "$out" | jq -e . > /dev/null 2>&1
ok $? "-j -b: one valid JSON document per line"
printf 'sim %s counters\n' "$A" | "$FWCTL" -b - > "$tmp/out" 2>&1
ok $? "batch from stdin"

# --- removed device: the open file answers ENODEV
{
	echo "sim $B nop"
	for _ in $(seq 100); do
		[ "$(< "$DBG/$B/contexts")" = 1 ] 2> /dev/null && break
		sleep 0.1
	done
	echo 321 > "$BUS/del_device"
	echo "sim $B nop"
} | "$FWCTL" -b - > "$tmp/out" 2> "$tmp/err"
rc=$?
err=$(< "$tmp/err")
[ "$rc" = 2 ]
ok $? "a device removed under an open file -> exit 2"
err_has "the device was removed" "explains ENODEV"
[ ! -e "$BUS/devices/$B" ]
ok $? "$B is gone"

# --- fault injection through debugfs
echo 5 > "$DBG/$A/fail_open"
run 2 "the driver refuses to open" info "$A"
err_has "refused to open a firmware context" "explained"
echo 0 > "$DBG/$A/fail_open"
run 0 "fail_open cleared" info "$A"
echo 2 > "$DBG/$A/inject_errors"
run 3 "injected 1/2" sim "$A" nop
err_has "injected" "status injected"
run 3 "injected 2/2" sim "$A" identify
run 0 "then normal again" sim "$A" nop
echo Y > "$DBG/$A/crashed"
run 3 "crashed firmware" sim "$A" identify
err_has "crashed" "status crashed"
run 0 "a reset works while crashed" sim "$A" reset
run 0 "and revives it" sim "$A" identify
[ "$(< "$DBG/$A/crashed")" = N ]
ok $? "the crashed flag is clear"

# --- clean up
"$FWCTL" sim "$A" cfg set mtu 1500 > /dev/null
"$FWCTL" sim "$A" cfg set led-mode on > /dev/null
[ "$(< "$DBG/$A/contexts")" = 0 ]
ok $? "no context left open"
echo 321 > "$BUS/del_device" 2> /dev/null
check "delete $A" sh -c "echo 320 > $BUS/del_device"

echo "1..$n"
[ "$failed" = 0 ]
