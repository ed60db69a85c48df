#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run one mlx5 test program with the stock mlx5_core, mlx5_fwctl and the
# simulated ConnectX function loaded, then unload ours:
#   mlx5_run.sh PROGRAM [ARGS...]
# A module that does not load or unload is reported as a failure.
set -u
root=${FWGATE:-$(cd "$(dirname "$0")/../.." && pwd)}
moddir=${FWGATE_MODDIR:-$root}
fail() {
	echo "TAP version 13"
	echo "not ok 1 - $1"
	echo "1..1"
	exit 1
}
# The kernel of the debug lane has no mlx5_core; mlx5_fwctl then has no
# stock transport and does not need it.
if modinfo mlx5_core > /dev/null 2>&1; then
	modprobe mlx5_core || fail "load the stock mlx5_core"
fi
insmod "$moddir/drivers/fwctl/mlx5/mlx5_fwctl.ko" || fail "load mlx5_fwctl"
insmod "$moddir/drivers/fwctl/mlx5/sim/mlx5_fwctl_sim.ko" ||
	{ rmmod mlx5_fwctl; fail "load mlx5_fwctl_sim"; }
"$@"
rc=$?
rmmod mlx5_fwctl_sim && rmmod mlx5_fwctl ||
	{ echo "# unloading the mlx5 modules failed"; rc=1; }
exit $rc
