#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# End to end: the host and the simulated CSME share the simulated WLAN NIC.
#  - AMT answers on TCP 16992 through SAP while the host owns the NIC, and
#    the host's own traffic (ICMP, its web server on 8080) still flows;
#  - CSME learns the host's address from its DHCP request;
#  - CSME forcibly takes the NIC: carrier drops, AMT still answers (on
#    CSME's own radio path), the host's traffic stops; the host asks back
#    and gets it; CSME releases it on its own; a denied request fails;
#  - rfkill, association and country changes reach CSME.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

cleanup() {
	host_web_stop
	pkill -f "udhcpd -f /tmp/udhcpd.conf" 2> /dev/null
	csme_stop
	air_teardown
	sap_unload
}
trap cleanup EXIT

check "load sap_host, sap_sim, wlan_sim" sap_load retake_delay_ms=600000
check "air namespace, addresses, links up" air_setup
TR=/sys/kernel/debug/tracing
check "enable the sap_host tracepoints" sh -c "echo 1 > $TR/events/sap_host/enable"
check "csme-sim starts" csme_start
check "SAP session active (handshake done, AMT enabled)" wait_for 20 sap_active
check_eq "SAP version 4" "$(sap_status version)" 4
check "csme-sim sees the handshake" wait_val 5 = true csme_get .connected
check "wlsim0 has carrier" wait_for 10 grep -qx 1 /sys/class/net/wlsim0/carrier
check_eq "the host owns the NIC" "$(nic_state owner)" host

# CSME learns the host's address from the host's DHCP request.
cat > /tmp/udhcpd.conf <<EOC
start 10.77.0.2
end 10.77.0.2
interface wlsim0air
option subnet 255.255.255.0
lease_file /tmp/udhcpd.leases
EOC
: > /tmp/udhcpd.leases
air busybox udhcpd -f /tmp/udhcpd.conf &
ip addr flush dev wlsim0
check "the host gets 10.77.0.2 by DHCP" \
	timeout 20 busybox udhcpc -i wlsim0 -n -q -t 5 -s /bin/true
ip addr add "$HOST_IP/24" dev wlsim0 2> /dev/null
check "sap_host copied the DHCP request to CSME" wait_for 5 \
	test "$(sap_counter dhcp_copies)" -ge 1
check_eq "CSME learned the host's address" "$(csme_get .ip)" "$HOST_IP"
pkill -f "udhcpd -f /tmp/udhcpd.conf"

# AMT and the host's own traffic side by side.
host_web_start
page=$(amt_get)
ok $? "curl http://$HOST_IP:16992/ from the air"
echo "$page" | grep -q "Intel&reg; Active Management Technology"
ok $? "the page is AMT's logon page"
check "ping the host from the air (host traffic)" air busybox ping -c 2 -W 2 "$HOST_IP"
check_eq "the host's web server on 8080" "$(host_get)" "host page"
good=0
for i in $(seq 5); do
	amt_get > /dev/null && [ "$(host_get)" = "host page" ] && good=$((good + 1))
done
check_eq "5 interleaved AMT + host GETs" "$good" 5
check_ge "frames went to CSME through the rings" "$(sap_counter data_to_csme)" 10
check_ge "CSME's frames were transmitted by the host" "$(sap_counter data_from_csme)" 10
check_eq "no frame to CSME was dropped" "$(sap_counter data_to_csme_dropped)" 0

# CSME takes the NIC.
check "csme-sim nic take" csme nic take
check "host carrier drops" wait_for 5 grep -qx 0 /sys/class/net/wlsim0/carrier
check "the NIC's hardware owner is CSME" wait_val 5 = csme nic_state owner
check_eq "sap_host knows CSME owns the NIC" "$(sap_status owner)" csme
check "CSME got the confirmation" wait_val 5 = csme csme_get .owner
page=$(amt_get)
ok $? "AMT still answers while CSME owns the NIC"
check "the host's own server is unreachable" test "$(host_get)" != "host page"

# The host asks back.
check "the host asks for the NIC and gets it" sh -c "echo 1 > $NIC/request_ownership"
check "carrier back" wait_for 5 grep -qx 1 /sys/class/net/wlsim0/carrier
check_eq "hardware owner host" "$(nic_state owner)" host
check_eq "csme-sim agrees" "$(csme_get .owner)" host
check "AMT answers through SAP again" amt_get
check_eq "host traffic flows again" "$(host_get)" "host page"

# CSME takes it and offers it back on its own.
csme nic take > /dev/null
wait_for 5 grep -qx 0 /sys/class/net/wlsim0/carrier
check "csme-sim nic release" csme nic release
check "the host takes the offered NIC back" wait_for 5 grep -qx 1 /sys/class/net/wlsim0/carrier
check_ge "ownership granted twice or more" "$(sap_counter ownership_granted)" 2

# A CSME that denies: the request fails with EBUSY (sap_owner.sh covers
# the other answers).
csme policy deny > /dev/null
csme nic take > /dev/null
wait_for 5 grep -qx 0 /sys/class/net/wlsim0/carrier
err=$(bash -c "echo 1 > $NIC/request_ownership" 2>&1)
echo "$err" | grep -qi "busy"
ok $? "request_ownership refused: $err"
check_ge "the denial was counted" "$(sap_counter ownership_denied)" 1
csme policy grant > /dev/null
check "granted once the policy allows it" sh -c "echo 1 > $NIC/request_ownership"
check "carrier back" wait_for 5 grep -qx 1 /sys/class/net/wlsim0/carrier

# Reports reach CSME.
echo 1 > "$NIC/sw_rfkill"
check_eq "sw rfkill reaches CSME (radio state 2)" \
	"$(wait_val 5 = 2 csme_get .radio_state; csme_get .radio_state)" 2
echo 0 > "$NIC/sw_rfkill"
check "radio back on (3)" wait_val 5 = 3 csme_get .radio_state
echo "ssid=other-ap bssid=02:00:00:00:5a:77 channel=36 auth=sae cipher=gcmp256" > "$NIC/assoc"
check "the new association reaches CSME" wait_val 5 = other-ap csme_get .host_link.ssid
check_eq "with its channel" "$(csme_get .host_link.channel)" 36
check_eq "and BSSID" "$(csme_get .host_link.bssid)" 02:00:00:00:5a:77
echo none > "$NIC/assoc"
check "link down reaches CSME" wait_val 5 = false csme_get .host_link.up
echo DE > "$NIC/country"
check "country code reaches CSME" wait_val 5 = DE csme_get .country
check_eq "CSME knows the host's MAC" "$(csme_get .nic_info.mac)" \
	"$(cat /sys/class/net/wlsim0/address)"
check "csme ping gets a pong" csme ping
check_ge "sap_host answered the ping" "$(sap_counter pings)" 1
check_eq "no CSME message was rejected" "$(sap_counter notif_rx_bad)" 0

# The tracepoints saw the session: START out, START_OK in, the state
# changes, notifications both ways with their types, data frames.
echo 0 > "$TR/events/sap_host/enable"
grep -v '^#' "$TR/trace" > /tmp/sap-trace
check "trace: START sent (sap_host_me_msg tx type=1)" grep -q "sap_host_me_msg: tx type=1 " /tmp/sap-trace
check "trace: START_OK received" grep -q "sap_host_me_msg: rx type=2 " /tmp/sap-trace
check "trace: state starting -> connected -> active" \
	sh -c "grep -q 'sap_host_state: starting -> connected' /tmp/sap-trace &&
	       grep -q 'sap_host_state: connected -> active' /tmp/sap-trace"
check "trace: HOST_ASKS_FOR_NIC_OWNERSHIP (1003) sent" grep -q "sap_host_msg: tx type=1003 " /tmp/sap-trace
check "trace: CSME_TAKING_OWNERSHIP (504) received" grep -q "sap_host_msg: rx type=504 " /tmp/sap-trace
check "trace: frames to and from CSME" \
	sh -c "grep -q 'sap_host_data: consumed' /tmp/sap-trace &&
	       grep -q 'sap_host_data: from-csme' /tmp/sap-trace"
check "trace: the DHCP copy" grep -q "sap_host_data: dhcp" /tmp/sap-trace
echo > "$TR/trace"

csme_conformant "sap_amt"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
