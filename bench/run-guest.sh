#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Inside the VM (modules loaded): load the baseline device, run the benches.
set -u
insmod "$FWGATE/bench/kmod/fwgate_null.ko" || exit 1
"$FWGATE/build/bench/fwctl_bench"
bash "$FWGATE/bench/amt-guest.sh"
