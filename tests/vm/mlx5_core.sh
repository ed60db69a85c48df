#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# mlx5_fwctl beside the distribution's stock mlx5_core, on a machine with no
# ConnectX: it loads, binds nothing, creates no fwctl device, logs nothing
# above info level, and unloads leaving mlx5_core as it was. (Binding and
# unbinding a real function needs a ConnectX: see docs/fwctl-mlx5.md.)
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
moddir=${FWGATE_MODDIR:-$root}
. "$root/tests/lib/tap.sh"

fwctl_count() { ls /sys/class/fwctl 2> /dev/null | wc -l; }
# kernel log lines above info level (the log is not cleared: the VM run
# checks all of it afterwards)
loud() { dmesg --level=emerg,alert,crit,err,warn | wc -l; }

check "the stock mlx5_core loads" modprobe mlx5_core
check "it drives no function here" \
	test -z "$(ls /sys/bus/pci/drivers/mlx5_core | grep '^0000:')"
before=$(fwctl_count)
quiet=$(loud)
check "mlx5_fwctl loads beside it" insmod "$moddir/drivers/fwctl/mlx5/mlx5_fwctl.ko"
check "mlx5_fwctl uses the stock mlx5_core" \
	sh -c "awk '\$1 == \"mlx5_core\" { print \$4 }' /proc/modules | grep -q mlx5_fwctl"
check_eq "no fwctl device appeared" "$(fwctl_count)" "$before"
check_eq "mlx5_fwctl logged nothing above info" "$(loud)" "$quiet"
echo "# kernel log about mlx5: $(dmesg | grep -i mlx5 | tr '\n' '|')"

check "mlx5_fwctl unloads" rmmod mlx5_fwctl
check "mlx5_core is still loaded" grep -q '^mlx5_core ' /proc/modules
check_eq "nothing logged above info from load to unload" "$(loud)" "$quiet"
tap_done
