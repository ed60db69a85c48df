#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# In the VM, with nothing of the build tree loaded (fwgate.load=none): the
# INSTALLED packages. modprobe resolves the dependencies from the DKMS
# modules in /lib/modules/$(uname -r)/updates/dkms, /usr/bin/fwctl and a
# program built against libfwctl-dev through pkg-config drive a simulated
# device, and the host upgrades fwgate-dkms from version fwgate.pkgold to
# fwgate.pkgnew while the modules are loaded and a fwctl file is open
# (tests/pkg/run.sh answers the request file). Then the documented reload.
set -u
. "$FWGATE/tests/lib/tap.sh"
out=/run/fwgate-out
arg() { sed -n "s/.*\bfwgate\.$1=\([^ ]*\).*/\1/p" /proc/cmdline; }
old=$(arg pkgold)
new=$(arg pkgnew)
kver=$(uname -r)
consumer=$FWGATE/build/pkg/fwctl-consumer
bus=/sys/bus/fwctl_sim
mods="wlan_sim sap_sim sap_host fwctl_sim fwctl"
loaded() { [ -d "/sys/module/$1" ]; }
cleanup() {
	exec 3>&- 2> /dev/null
	[ -w $bus/del_device ] && { echo 900 > $bus/del_device; echo 901 > $bus/del_device; } 2> /dev/null
	modprobe -r $mods 2> /dev/null
}
trap cleanup EXIT

any=0
for m in $mods sap_mei_cl; do loaded $m && any=1; done
ok $any "no fwgate module is loaded before the test"
check_eq "modprobe finds fwctl_sim among the DKMS modules" \
	"$(modinfo -n fwctl_sim 2> /dev/null)" "/lib/modules/$kver/updates/dkms/fwctl_sim.ko"
check_eq "the installed fwctl_sim is version $old" "$(modinfo -F version fwctl_sim 2> /dev/null)" "$old"
check_eq "it is signed with the DKMS key" "$(modinfo -F signer fwctl_sim 2> /dev/null)" "DKMS module signing key"

# Dependencies come from depmod: fwctl_sim uses fwctl's symbols, wlan_sim
# and sap_sim sap_host's.
check "modprobe fwctl_sim" modprobe fwctl_sim
check "... loaded fwctl by itself" loaded fwctl
check_eq "the running fwctl is version $old" "$(cat /sys/module/fwctl/version 2> /dev/null)" "$old"
check "modprobe wlan_sim" modprobe wlan_sim
check "... loaded sap_host by itself" loaded sap_host
check "modprobe sap_sim (needs sap_host too)" modprobe sap_sim
check "modprobe -r wlan_sim sap_sim sap_host" modprobe -r wlan_sim sap_sim sap_host
check "... all three are gone" sh -c '! test -d /sys/module/sap_host'

echo 900 > $bus/new_device
check "a simulated device gives /dev/fwctl/fwctl0" wait_for 10 test -c /dev/fwctl/fwctl0
# No udevd runs in the VM: ask udev what the installed rule does.
rule=$(udevadm test --action=add /sys/class/fwctl/fwctl0 2>&1)
echo "$rule" | grep -q "60-fwctl.rules" && echo "$rule" | grep -Eq "MODE 0?600"
ok $? "udev applies the installed 60-fwctl.rules: mode 0600"
[ $? = 0 ] || diag "$(echo "$rule" | grep -iE 'fwctl|mode' | head -n 10)"

check_eq "fwctl is the installed /usr/bin/fwctl" "$(command -v fwctl)" /usr/bin/fwctl
lst=$(/usr/bin/fwctl dev 2>&1)
echo "$lst" | grep -q "^fwctl0: type fwctl_sim driver fwctl_sim"
ok $? "/usr/bin/fwctl dev lists the simulated device"
[ $? = 0 ] || diag "$lst"
check "/usr/bin/fwctl -j info fwctl0 is JSON" sh -c '/usr/bin/fwctl -j info fwctl0 | jq -e . '
check "/usr/bin/fwctl sim fwctl0 nop" /usr/bin/fwctl sim fwctl0 nop
ldd "$consumer" 2> /dev/null | grep -q "libfwctl.so.1 => /lib/x86_64-linux-gnu/libfwctl.so.1\|libfwctl.so.1 => /usr/lib/x86_64-linux-gnu/libfwctl.so.1"
ok $? "the pkg-config program uses the installed libfwctl.so.1"
res=$("$consumer" fwctl0 2>&1)
ok $? "the pkg-config program talks to fwctl0"
diag "$res"

# The upgrade: a consumer holds fwctl0 open across it, and so does fd 3.
rm -f $out/consumer-holding $out/upgrade-request $out/upgrade-done
"$consumer" fwctl0 $out/consumer-holding $out/upgrade-done > /tmp/consumer.log 2>&1 &
cpid=$!
exec 3<> /dev/fwctl/fwctl0
check "the consumer holds fwctl0 open" wait_for 30 test -e $out/consumer-holding
echo "$old $new" > $out/upgrade-request
diag "asked the host to upgrade fwgate-dkms $old -> $new"
check "the host upgraded fwgate-dkms (tests/pkg/run.sh)" wait_for 500 test -s $out/upgrade-done
check_eq "the host's upgrade succeeded" "$(cat $out/upgrade-done 2> /dev/null)" ok
wait $cpid
ok $? "the consumer's fd still works after the upgrade"
diag "$(cat /tmp/consumer.log)"
check_eq "the loaded fwctl is still $old" "$(cat /sys/module/fwctl/version 2> /dev/null)" "$old"
check_eq "the installed fwctl is now $new" "$(modinfo -F version fwctl 2> /dev/null)" "$new"
# The reload with a file still open: fwctl_sim goes (its device is
# unplugged under the open file), the fwctl core stays, pinned by the file,
# and nothing hangs; once the file is closed the core unloads too.
echo 900 > $bus/del_device
check "modprobe -r fwctl_sim fwctl with fd 3 open does not finish the job" \
	sh -c '! timeout 30 modprobe -r fwctl_sim fwctl'
check "... fwctl_sim is gone" sh -c '! test -d /sys/module/fwctl_sim'
check "... the fwctl core stays, pinned by the open file" loaded fwctl
exec 3>&-
# The reload the package asks for (debian/fwgate-dkms.postinst).
check "with every file closed: modprobe -r fwctl" modprobe -r fwctl
check "modprobe fwctl_sim loads the new version" modprobe fwctl_sim
check_eq "the running fwctl is now $new" "$(cat /sys/module/fwctl/version 2> /dev/null)" "$new"
echo 901 > $bus/new_device
check "the new modules give a device again" wait_for 10 test -c /dev/fwctl/fwctl0
res=$("$consumer" fwctl0 2>&1)
ok $? "the pkg-config program talks to it"
diag "$res"
tap_done
