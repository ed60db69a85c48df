# SPDX-License-Identifier: GPL-2.0
# TAP helpers for bash test scripts. Source it, call the helpers, and end
# with tap_done (prints the plan, exits non-zero if anything failed).
tap_n=0
tap_failed=0
tap_last=${EPOCHREALTIME/./}
echo "TAP version 13"

# ok STATUS DESCRIPTION: record one result (STATUS 0 = pass)
ok() {
	local now=${EPOCHREALTIME/./}
	# the VM is slow (TCG, root over 9p): show which steps take long
	[ $((now - tap_last)) -gt 3000000 ] && echo "# slow: $(((now - tap_last) / 1000)) ms"
	tap_last=$now
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# skip DESCRIPTION REASON: a check this kernel cannot make (counted as a
# skip by tests/summarize.sh, never as a pass)
skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# check DESCRIPTION COMMAND...: ok if the command succeeds
check() {
	local desc=$1
	shift
	"$@" > /dev/null 2>&1
	ok $? "$desc"
}

# check_eq DESCRIPTION GOT WANT
check_eq() {
	[ "$2" = "$3" ]
	local r=$?
	[ $r = 0 ] || echo "# $1: got '$2', want '$3'"
	ok $r "$1"
}

# check_ge DESCRIPTION GOT MIN (integers)
check_ge() {
	[ -n "$2" ] && [ "$2" -ge "$3" ] 2> /dev/null
	local r=$?
	[ $r = 0 ] || echo "# $1: got '$2', want >= $3"
	ok $r "$1"
}

# check_le DESCRIPTION GOT MAX (integers)
check_le() {
	[ -n "$2" ] && [ "$2" -le "$3" ] 2> /dev/null
	local r=$?
	[ $r = 0 ] || echo "# $1: got '$2', want <= $3"
	ok $r "$1"
}

# wait_for SECONDS COMMAND...: poll every 0.1 s until the command succeeds
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while ! "$@" > /dev/null 2>&1; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
}

# wait_val SECONDS OP WANT COMMAND...: run COMMAND every 0.1 s until its
# output compares to WANT with test's OP (=, !=, -ge, -gt...)
wait_val() {
	local end=$((SECONDS + $1)) op=$2 want=$3
	shift 3
	until [ "$("$@" 2> /dev/null)" "$op" "$want" ] 2> /dev/null; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
}

diag() {
	echo "$*" | sed 's/^/# /'
}

tap_done() {
	echo "1..$tap_n"
	[ "$tap_failed" = 0 ]
	exit $?
}
