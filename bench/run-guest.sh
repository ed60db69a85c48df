#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Inside the VM (modules loaded): load the baseline device, run the benches.
set -u
# fwgate.bench=NAME on the kernel command line runs bench/NAME-guest.sh alone
only=$(sed -n 's/.*\bfwgate\.bench=\([^ ]*\).*/\1/p' /proc/cmdline)
if [ -n "$only" ]; then
	bash "$FWGATE/bench/$only-guest.sh"
	exit
fi
insmod "$FWGATE/bench/kmod/fwgate_null.ko" || exit 1
"$FWGATE/build/bench/fwctl_bench"
# mlx5: beside the stock mlx5_core where the kernel has one
if modinfo mlx5_core > /dev/null 2>&1; then modprobe mlx5_core; fi
if insmod "$FWGATE/drivers/fwctl/mlx5/mlx5_fwctl.ko" &&
   insmod "$FWGATE/drivers/fwctl/mlx5/sim/mlx5_fwctl_sim.ko"; then
	"$FWGATE/build/bench/mlx5_bench"
else
	echo "bench: mlx5 ERROR cannot load mlx5_fwctl"
fi
bash "$FWGATE/bench/amt-guest.sh"
bash "$FWGATE/bench/amt-bulk-guest.sh"
