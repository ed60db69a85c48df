#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The unmodified-mlx5ctl lane: build NVIDIA's mlx5ctl tool from a checkout
# of its own sources (git clone https://github.com/saeedtx/mlx5ctl) and run
# it in the VM against a simulated ConnectX function
# (tests/vm/mlx5ctl_unmodified.sh). Not part of CI: CI has no network to
# fetch mlx5ctl, and fwgate ships none of its code.
#
#   scripts/mlx5ctl-lane.sh MLX5CTL_SRC
#
# mlx5ctl's fwctl backend includes <uapi/fwctl/fwctl.h> and
# <uapi/fwctl/mlx5.h>; when the checkout has no copy of its own, ours
# (binary-compatible with upstream, pinned by the uAPI test) are used.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-${MLX5CTL_SRC:-}}
[ -n "$src" ] && [ -f "$src/mlx5ctlu.c" ] ||
	{ echo "usage: $0 MLX5CTL_SRC (a checkout of github.com/saeedtx/mlx5ctl)" >&2; exit 2; }
cd "$root"
make -s all
out=build/mlx5ctl
mkdir -p "$out"
# All of its C files into one binary, as its Makefile does, with only the
# include path added for the uAPI headers.
gcc -O2 -Wall -Wno-unused -I"$src" -I"$root/include" -o "$out/mlx5ctl" "$src"/*.c
echo "mlx5ctl-lane: built $out/mlx5ctl from $src"
rm -rf build/results/mlx5ctl
FWGATE_TESTS=TESTS.mlx5ctl FWGATE_VM_RESULTS=mlx5ctl tests/vm/run-vm.sh test > "$out/vm-run.log" 2>&1 || true
rm -rf "$out/results"
mkdir -p "$out/results"
cp -r build/results/mlx5ctl "$out/results/"
grep -h -E '^(not )?ok|^#' "$out"/results/mlx5ctl/*.tap | head -n 200
tests/summarize.sh "$out/results"
