#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every hostile mode of csme-sim against the real sap_host: each bad input
# is rejected and counted under the matching counter (a NIC owner value
# newer firmware may use is taken and counted as new, not rejected), the kernel keeps
# running (the guest checks the log for WARN/BUG/KASAN...), and after
# "hostile off" + "fw reset" a clean session serves AMT again.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

trap sap_cleanup EXIT

check "load the SAP modules (START timeout 200 ms)" sap_load start_timeout_ms=200
check "air namespace" air_setup
check "csme-sim --ip $HOST_IP" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get

# recover: a clean session that serves AMT
recover() { # MODE
	csme hostile off > /dev/null
	csme fw reset > /dev/null
	wait_for 15 sap_active && wait_for 10 amt_get
	ok $? "$1: recovered (hostile off, fw reset, AMT answers)"
}

# grows MODE COUNTER BEFORE: wait for a counter to exceed BEFORE
grows() {
	wait_val 5 -gt "$3" sap_counter "$2"
	ok $? "$1: counted in $2 ($(sap_counter "$2") > $3)"
}

# SYN frames to CSME's port 16992 from the air, fast (raw socket)
syn_flood() { # COUNT
	air python3 - "$1" "$HOST_IP" "$(cat /sys/class/net/wlsim0/address)" <<'PY'
import socket, struct, sys
n, dst, mac = int(sys.argv[1]), sys.argv[2], bytes.fromhex(sys.argv[3].replace(":", ""))
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(("wlsim0air", 0))
src = bytes.fromhex(open("/sys/class/net/wlsim0air/address").read().strip().replace(":", ""))
def csum(b):
    if len(b) % 2: b += b"\0"
    t = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while t >> 16: t = (t & 0xffff) + (t >> 16)
    return ~t & 0xffff
sip, dip = socket.inet_aton("10.77.0.1"), socket.inet_aton(dst)
for i in range(n):
    tcp = struct.pack("!HHIIBBHHH", 40000 + i % 20000, 16992, i, 0, 5 << 4, 2, 1024, 0, 0)
    tcp = tcp[:16] + struct.pack("!H", csum(sip + dip + struct.pack("!BBH", 0, 6, 20) + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 40, i & 0xffff, 0, 64, 6, 0, sip, dip)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    s.send(mac + src + b"\x08\x00" + ip + tcp)
PY
}

# FRAMES bursts of 46 back-to-back 1400-byte data segments of one TCP flow
# to CSME's port 16992, from the air: each burst is one GSO frame (a packet
# socket with a virtio-net header), which wlsim0air cuts into segments in
# one transmit, so that wlsim0's GRO merges them again before sap_host
# sees them, as it would a burst of a remote sender
seg_burst() { # FRAMES
	air python3 - "$1" "$HOST_IP" "$(cat /sys/class/net/wlsim0/address)" <<'PY'
import socket, struct, sys
n, dst, mac = int(sys.argv[1]), sys.argv[2], bytes.fromhex(sys.argv[3].replace(":", ""))
SOL_PACKET, PACKET_VNET_HDR, MSS, SEGS = 263, 15, 1400, 46
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
s.bind(("wlsim0air", 0))
src = bytes.fromhex(open("/sys/class/net/wlsim0air/address").read().strip().replace(":", ""))
def fold(b):
    if len(b) % 2: b += b"\0"
    t = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while t >> 16: t = (t & 0xffff) + (t >> 16)
    return t
sip, dip = socket.inet_aton("10.77.0.1"), socket.inet_aton(dst)
pay = bytes(MSS * SEGS)
tlen = 20 + len(pay)
seq = 1000
for f in range(n):
    # checksum left to the segmentation: the field holds the pseudo-header sum
    tcp = struct.pack("!HHIIBBHHH", 45000, 16992, seq, 1, 5 << 4, 0x10, 65535,
                      fold(sip + dip + struct.pack("!BBH", 0, 6, tlen)), 0)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + tlen, (f * SEGS) & 0xffff, 0x4000,
                     64, 6, 0, sip, dip)
    ip = ip[:10] + struct.pack("!H", ~fold(ip) & 0xffff) + ip[12:]
    # flags NEEDS_CSUM, GSO_TCPV4, header length, MSS, checksum start and offset
    vnet = struct.pack("=BBHHHH", 1, 1, 54, MSS, 34, 16)
    s.send(vnet + mac + src + b"\x08\x00" + ip + tcp + pay)
    seq += len(pay)
PY
}

# frames for CSME queued or dropped since $queued and $before were read
split_seen() {
	echo $(($(sap_counter data_to_csme) - queued +
		$(sap_counter data_to_csme_dropped) - before))
}

# every message from CSME that was rejected, whatever the queue
bad_msgs() {
	echo $(($(sap_counter notif_rx_bad) + $(sap_counter me_rx_bad) +
		$(sap_counter data_from_csme_bad)))
}

# Linux's TCP resets sent from the host's namespace
out_rsts() {
	awk '/^Tcp:/ { if (!c) { for (i = 1; i <= NF; i++) if ($i == "OutRsts") c = i }
		       else print $c }' /proc/net/snmp
}

# mode, the counter of its specific fault (grows), how to provoke it
for spec in \
	"start-ok-short rejected_len_mismatch reset" \
	"start-ok-version start_ok_bad reset" \
	"me-garbage rejected_unknown_type now" \
	"ring-ptr rejected_ring_ptr_range now" \
	"ring-overrun rejected_ring_overrun now" \
	"bad-type rejected_wrong_queue now" \
	"short-payload rejected_short_payload now" \
	"data-runt rejected_data_too_short now" \
	"notif-too-big rejected_msg_too_big now" \
	"bad-ssid rejected_bad_ssid_len now" \
	"wrong-owner notif_rx_new_values newval" \
	"host-ptr ring_m2h0_bad_ptr ptr" \
	"csa-flood csa_rx flood-csa" \
	"no-drain data_to_csme_dropped flood" \
	"no-drain data_to_csme_dropped split" \
	"random notif_rx_bad random"; do
	set -- $spec
	mode=$1 cnt=$2 how=$3
	before=$(sap_counter "$cnt")
	pings=$(sap_counter pings)
	bad_before=$(bad_msgs)
	check "$mode: csme-sim hostile $mode" csme hostile "$mode"
	case $how in
	reset)
		starts=$(csme_get .counters.starts)
		csme fw reset > /dev/null
		grows "$mode" "$cnt" "$before"
		# as upstream, START is not repeated: the host waits (a
		# reset, below, or debugfs send_start_message restarts it)
		sleep 1
		check_eq "$mode: one START, not repeated" \
			"$(csme_get .counters.starts)" $((starts + 1))
		check_eq "$mode: the host is still starting" "$(sap_status state)" starting
		;;
	now)
		grows "$mode" "$cnt" "$before"
		check_ge "$mode: also counted as a bad message" "$(bad_msgs)" $((bad_before + 1))
		# rejecting the bad input did not cost the session
		check "$mode: AMT answers before any reset" wait_for 10 amt_get
		check_eq "$mode: still active" "$(sap_status state)" active
		;;
	newval)
		# a value newer firmware may use: taken, recorded, not an error
		grows "$mode" "$cnt" "$before"
		check_eq "$mode: not counted as a bad message" "$(bad_msgs)" "$bad_before"
		check_eq "$mode: NIC owner 77 is not ME: the host owns the NIC" \
			"$(sap_status owner)" host
		check "$mode: AMT answers before any reset" wait_for 10 amt_get
		;;
	ptr)
		# CSME moved the host's own read pointer: noticed, put back,
		# and the PING behind it is still answered
		grows "$mode" "$cnt" "$before"
		check "$mode: the PING after it was answered" wait_val 5 -gt "$pings" sap_counter pings
		check "$mode: AMT answers before any reset" wait_for 10 amt_get
		;;
	flood-csa)
		# 1000 doorbells; the device queue may merge some, not most of them
		grows "$mode" "$cnt" $((before + 500))
		check "$mode: the host still answers a ping" csme ping
		;;
	flood)
		rsts=$(out_rsts)
		syn_flood 1500
		grows "$mode" "$cnt" "$before"
		check_ge "$mode: the H2M data ring was full" "$(sap_counter ring_h2m1_full)" 1
		# CSME's SYNs that did not fit were dropped, not handed to Linux
		check_eq "$mode: Linux sent no reset for CSME's port" \
			"$(($(out_rsts) - rsts))" 0
		check "$mode: host traffic unaffected" air busybox ping -c 1 -W 2 "$HOST_IP"
		;;
	split)
		# 92 segments merged by GRO meet an H2M data ring with room for
		# 33 frames: the ring fills in the middle of a split, and every
		# segment is either queued or counted as dropped
		queued=$(sap_counter data_to_csme) splits=$(sap_counter data_to_csme_gro_split)
		check "$mode: two bursts of 46 segments to CSME's port" seg_burst 2
		wait_val 5 -ge 92 split_seen
		grows "$mode" "$cnt" "$before"
		check_ge "$mode: the bursts were merged and split" \
			"$(($(sap_counter data_to_csme_gro_split) - splits))" 1
		check_eq "$mode: every segment queued or counted as dropped" "$(split_seen)" 92
		check_le "$mode: no more queued than the ring holds" \
			"$(($(sap_counter data_to_csme) - queued))" 33
		check "$mode: host traffic unaffected" air busybox ping -c 1 -W 2 "$HOST_IP"
		;;
	random)
		sleep 3
		grows "$mode" "$cnt" "$before"
		;;
	esac
	check "$mode: csme-sim still running" kill -0 "$csme_pid"
	recover "$mode"
done

check_ge "rejections are visible by reason (10 reasons or more)" \
	"$(grep -c '^rejected_' "$SAP_DBG/counters")" 10
diag "$(grep '^rejected_' "$SAP_DBG/counters")"
check "the session is clean at the end" sap_active
check_eq "the shared area's control block is intact at the end" "$(sap_status area)" ok
[ "$tap_failed" = 0 ] || sap_diag
tap_done
