#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's test command: install what is missing, build, run every test
# (userspace unit tests and fuzzing, then the VM suite). The last line is
# "N passed, N failed"; the exit status is 0 only if nothing failed.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
make -s all
exec tests/run-all.sh
