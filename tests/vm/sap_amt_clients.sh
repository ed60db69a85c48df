#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# AMT as its existing, unmodified clients see it, from the air through the
# shared NIC (SAP while the host owns it, CSME's own radio while CSME does):
#  - curl: the redirect to the logon page, AMT's Digest challenge, the
#    authenticated web pages, a wrong password refused;
#  - wsl, the WS-Management shell client (curl underneath; AMT takes only
#    Digest, so its curl gets --digest from ~/.curlrc): identify, get,
#    enumerate, invoke of RequestPowerStateChange;
#  - amttool (AMT's legacy SOAP interface through Perl SOAP::Lite): info,
#    netinfo, a power command;
#  - amtterm: a serial-over-LAN session on 16994, the console greeting and
#    the typed line echoed.
# All of it while the host owns the NIC, while CSME owns it, and again once
# the host has it back.
set -u
. "$FWGATE/tests/lib/tap.sh"
. "$FWGATE/tests/lib/sap.sh"

PASS='P@ssw0rd'
URL="http://$HOST_IP:16992"
AMT_NS=http://intel.com/wbem/wscim/1/amt-schema/1
CIM_NS=http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2
tmp=$(mktemp -d)
mkdir -p "$tmp/home" "$tmp/wsl"
echo "--digest" > "$tmp/home/.curlrc"

cleanup() {
	csme_stop
	air_teardown
	sap_unload
	rm -rf "$tmp"
}
trap cleanup EXIT

# wsl ARGS...: the WS-Management shell client against csme-sim's AMT; its
# answer is left in $tmp/wsl/response.xml
wsl_run() {
	rm -f "$tmp/wsl/response.xml"
	(cd "$tmp/wsl" && air env HOME="$tmp/home" WSENDPOINT="$HOST_IP:16992" WSUSER=admin \
		WSPASS="$PASS" WSNOSSL=1 KEEPHISTORY=0 WSAUTOMATED=1 wsl "$@" > "$tmp/wsl/out" 2>&1)
}

wsl_has() { # DESC TEXT: what wsl printed or its last answer holds TEXT
	if cat "$tmp/wsl/out" "$tmp/wsl/response.xml" 2> /dev/null | grep -qF -- "$2"; then
		ok 0 "$1"
	else
		diag "response: $(head -c 600 "$tmp/wsl/response.xml" 2> /dev/null)"
		diag "wsl: $(tail -n 5 "$tmp/wsl/out")"
		ok 1 "$1"
	fi
}

amttool_run() { # ARGS...: output in $tmp/amttool
	air env AMT_PASSWORD="$PASS" amttool "$HOST_IP" "$@" > "$tmp/amttool" 2>&1 < /dev/null
}

amttool_has() { # DESC TEXT: TEXT in amttool's output, and no value it lacked
	if grep -qF -- "$2" "$tmp/amttool" &&
	   ! grep -q -e "uninitialized value" -e "soap failure" "$tmp/amttool"; then
		ok 0 "$1"
	else
		diag "amttool: $(head -n 12 "$tmp/amttool")"
		ok 1 "$1"
	fi
}

# sol_session TEXT: amtterm in a pseudo-terminal; types TEXT once the
# session is up, then ^]; its screen is left in $tmp/sol
sol_session() {
	{
		for i in $(seq 100); do
			grep -qs -e "connected now" -e "failed" "$tmp/sol" && break
			sleep 0.1
		done
		sleep 1
		printf '%s\r' "$1"
		sleep 2
		printf '\035'
		sleep 1
	} | air env AMT_PASSWORD="$PASS" timeout 20 \
		script -qfec "amtterm $HOST_IP 16994" /dev/null > "$tmp/sol" 2>&1
}

clients() { # LABEL
	local l=$1 got power

	# the web UI and Digest, with curl
	got=$(air curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -m 5 "$URL/")
	check_eq "$l: GET / is 303 to the logon page" "$got" "303 $URL/logon.htm"
	air curl -s -m 5 -D "$tmp/h" -o /dev/null "$URL/index.htm"
	check "$l: /index.htm without credentials: 401 with AMT's Digest challenge" \
		grep -Eq '^WWW-Authenticate: Digest realm="Digest:[0-9A-F]{32}", nonce="[^"]+", stale="false", qop="auth"' "$tmp/h"
	check "$l: AMT's Server header" grep -q "^Server: Intel(R) Active Management Technology $AMT_VERSION" "$tmp/h"
	got=$(air curl -s -m 5 --digest -u "admin:$PASS" "$URL/index.htm")
	echo "$got" | grep -q "$AMT_VERSION"
	ok $? "$l: /index.htm with Digest shows the AMT version"
	got=$(air curl -s -m 5 -o /dev/null -w '%{http_code}' --digest -u "admin:wrong" "$URL/index.htm")
	check_eq "$l: a wrong password is refused" "$got" 401
	got=$(air curl -s -m 5 --digest -u "admin:$PASS" "$URL/ip.htm")
	echo "$got" | grep -q "$HOST_IP"
	ok $? "$l: the network page shows the address CSME uses"

	# WS-Management with wsl
	wsl_run identify check
	wsl_has "$l: wsl identify: AMT's product version" "AMT $AMT_VERSION"
	wsl_run get "$AMT_NS/AMT_GeneralSettings"
	wsl_has "$l: wsl get AMT_GeneralSettings: the host name" "csme-sim"
	wsl_run enum "$CIM_NS/CIM_SoftwareIdentity"
	wsl_has "$l: wsl enum CIM_SoftwareIdentity: the AMT version" "$AMT_VERSION"
	wsl_run get "$CIM_NS/CIM_AssociatedPowerManagementService"
	wsl_has "$l: wsl get the power state" "PowerState"

	# legacy SOAP with amttool
	amttool_run info
	amttool_has "$l: amttool info: the AMT version" "AMT version:  $AMT_VERSION"
	amttool_has "$l: amttool info: host and domain name" "Hostname:     csme-sim.fwgate.invalid"
	amttool_has "$l: amttool info: remote control capabilities" "SOL"
	amttool_run netinfo
	amttool_has "$l: amttool netinfo: the WLAN interface" "Network Interface"

	# serial-over-LAN with amtterm
	power=$l-sol-$RANDOM
	sol_session "$power"
	check "$l: amtterm reached serial-over-LAN" grep -q "serial-over-lan redirection ok" "$tmp/sol"
	check "$l: the console greets with a login prompt" grep -q "login:" "$tmp/sol"
	check "$l: the typed line came back" grep -q "$power" "$tmp/sol"
	check "$l: amtterm closed the session" grep -q "CLOSED" "$tmp/sol"
	grep -q "CLOSED" "$tmp/sol" || diag "amtterm: $(tr -d '\r' < "$tmp/sol" | tail -n 8)"
}

check "load the SAP modules" sap_load
check "air namespace" air_setup
check "csme-sim" csme_start --ip "$HOST_IP"
check "SAP session active" wait_for 20 sap_active
check "AMT answers" wait_for 10 amt_get
check_eq "the host owns the NIC" "$(nic_state owner)" host

clients host

# power: a WS-Man RequestPowerStateChange, then amttool's own command
wsl_run invoke "$CIM_NS/CIM_PowerManagementService" RequestPowerStateChange PowerState=8
wsl_has "wsl invoke RequestPowerStateChange: ReturnValue 0" "ReturnValue>0<"
got=$(air curl -s -m 5 --digest -u "admin:$PASS" "$URL/hw-pwr.htm")
echo "$got" | grep -q 'id="power-state">8<'
ok $? "the power page shows the soft-off (8) the client asked for"
amttool_run info
amttool_has "amttool info sees the power state" "Powerstate:   S5 (soft-off)"
echo y | air env AMT_PASSWORD="$PASS" amttool "$HOST_IP" powerup > "$tmp/amttool" 2>&1
amttool_has "amttool powerup: success" "pt_status: success"
amttool_run info
amttool_has "amttool info: powered up" "Powerstate:   S0"
# a Put with wsl, read back with amttool (WS-Man and SOAP share one model)
wsl_run put "$AMT_NS/AMT_GeneralSettings" HostName=amt-put
wsl_has "wsl put AMT_GeneralSettings HostName=amt-put" "amt-put"
amttool_run info
amttool_has "amttool sees the host name wsl set" "Hostname:     amt-put.fwgate.invalid"
check_eq "csme-sim status: the new host name" "$(csme_get .amt_model.hostname)" amt-put
wsl_run put "$AMT_NS/AMT_GeneralSettings" HostName=csme-sim
check_eq "wsl put it back" "$(csme_get .amt_model.hostname)" csme-sim
check_eq "csme-sim status: the power state the clients left" "$(csme_get .amt_model.power_state)" 2
check_eq "csme-sim status: both power requests recorded" "$(csme_get .amt_model.power_changes)" 2
check_eq "csme-sim status: the last request was amttool's power-up (2)" \
	"$(csme_get .amt_model.last_power_request)" 2
check_ge "csme-sim status: the SOL sessions" "$(csme_get .amt_model.sol_sessions)" 1

check "csme-sim nic take" csme nic take
check "the NIC's hardware owner is CSME" wait_val 5 = csme nic_state owner
check "AMT answers on CSME's own path" wait_for 10 amt_get
clients csme

check "the host asks for the NIC and gets it" sh -c "echo 1 > $NIC/request_ownership"
check "carrier back" wait_for 5 grep -qx 1 /sys/class/net/wlsim0/carrier
check "AMT answers through SAP again" wait_for 10 amt_get
clients back

check_eq "no frame to CSME was dropped" "$(sap_counter data_to_csme_dropped)" 0
csme_conformant "sap_amt_clients"
[ "$tap_failed" = 0 ] || sap_diag
tap_done
