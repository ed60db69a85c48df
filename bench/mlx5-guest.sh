#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Inside the VM (modules loaded): the mlx5 fwctl benchmark, beside the stock
# mlx5_core where the kernel has one.
set -u
lsmod | grep -q '^fwgate_null ' || insmod "$FWGATE/bench/kmod/fwgate_null.ko" || exit 1
if modinfo mlx5_core > /dev/null 2>&1; then modprobe mlx5_core; fi
if insmod "$FWGATE/drivers/fwctl/mlx5/mlx5_fwctl.ko" &&
   insmod "$FWGATE/drivers/fwctl/mlx5/sim/mlx5_fwctl_sim.ko"; then
	"$FWGATE/build/bench/mlx5_bench"
else
	echo "bench: mlx5 ERROR cannot load mlx5_fwctl"
fi
