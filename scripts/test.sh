#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The README's test command: install what is missing, build, run every test
# (userspace unit tests and fuzzing, the VM suite, then the flavour builds
# and the package test: tests/flavours.sh, tests/pkg/run.sh). The last line
# is "N passed, N failed"; the exit status is 0 only if nothing failed.
set -eu
cd "$(dirname "$0")/.."
./scripts/setup.sh
make -s all
FWGATE_PACKAGE_TESTS=1 exec tests/run-all.sh
