#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The real, unmodified amtterm against csme-sim's redirection state machine
# (redir_proto) served on 127.0.0.1 by redir_tcp_harness: a full SOL
# session (banner, typed line echoed, a heartbeat, ^] and the orderly end),
# and a wrong password.
#
#   redir_amtterm.sh HARNESS
#
# amtterm is required (Debian package amtterm): without it this fails.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../../lib/tap.sh"

harness=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check "amtterm is installed" command -v amtterm
check "the harness is built" test -x "$harness"

# run_session PASSWORD SECONDS KEYS...: start the harness, run amtterm under
# a pty fed with the KEYS (each "sleep:text", the first counted from when
# amtterm reports the session up), leave amtterm's screen in $tmp/out and
# the harness counters in $tmp/stats.
run_session() {
	local pass=$1 secs=$2 port i
	shift 2
	rm -f "$tmp/port"
	"$harness" "$tmp/port" "$secs" > "$tmp/stats" 2> "$tmp/herr" &
	local hpid=$!
	for i in $(seq 50); do
		[ -s "$tmp/port" ] && break
		sleep 0.1
	done
	port=$(cat "$tmp/port" 2> /dev/null)
	{
		# keys typed before amtterm makes its tty raw would be flushed
		for i in $(seq 100); do
			grep -qs -e "connected now" -e "failed" "$tmp/out" && break
			sleep 0.1
		done
		for k in "$@"; do
			sleep "${k%%:*}"
			printf '%b' "${k#*:}"
		done
		sleep 1
	} | AMT_PASSWORD=$pass timeout $((secs + 2)) \
		script -qfec "amtterm 127.0.0.1 $port" /dev/null > "$tmp/out" 2>&1
	wait "$hpid"
}

stat() {
	sed -n "s/^$1=//p" "$tmp/stats"
}

# 1. A whole session: a line typed, ^] after the first heartbeat (5 s).
run_session 'P@ssw0rd' 15 '0.5:hello-sol\r' '5.5:\035'
check "amtterm reached serial-over-lan" grep -q "serial-over-lan redirection ok" "$tmp/out"
check "the console banner reached amtterm" grep -q "csme-sim SOL console" "$tmp/out"
# amtterm keeps its tty raw without echo: only the server's echo shows it
check "the typed line came back as console output" grep -q "^hello-sol" "$tmp/out"
check_eq "the harness recorded the typed line" "$(stat typed)" 'hello-sol\x0d'
check_eq "one successful authentication" "$(stat auth_ok)" 1
check_eq "one SOL session started" "$(stat sol_started)" 1
check_ge "a heartbeat was sent" "$(stat heartbeats_sent)" 1
check_ge "amtterm echoed the heartbeat" "$(stat heartbeats_echoed)" 1
check_eq "^] ended SOL (EndSOLRedirection answered)" "$(stat sol_ended)" 1
check_eq "amtterm ended the session (EndRedirectionSession)" "$(stat sessions_ended)" 1
check "amtterm saw the session close" grep -q "CLOSING -> CLOSED" "$tmp/out"
check_eq "no session was rejected" \
	"$(grep '^reject_' "$tmp/stats" | grep -vc '=0$')" 0
grep -q "reason none" "$tmp/herr" || sed 's/^/# /' "$tmp/herr" "$tmp/out"

# 2. A wrong password: refused, amtterm gives up, nothing typed reaches SOL.
run_session 'wrong' 4 '0.2:x'
check "amtterm reports the refused authentication" \
	grep -q "session authentication failed" "$tmp/out"
check_eq "one refused authentication" "$(stat auth_failed)" 1
check_eq "no SOL session" "$(stat sol_started)" 0
check_eq "nothing typed" "$(stat bytes_typed)" 0

tap_done
