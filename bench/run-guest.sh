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
bash "$FWGATE/bench/mlx5-guest.sh"
bash "$FWGATE/bench/amt-guest.sh"
bash "$FWGATE/bench/amt-bulk-guest.sh"
