#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's demo command: install what is missing, build, boot the VM and
# run scripts/demo-guest.sh in it, showing its console as it goes.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
make -s all
FWGATE_VM_STREAM=1 exec tests/vm/run-vm.sh demo
