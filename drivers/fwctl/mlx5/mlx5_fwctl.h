/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mlx5_fwctl: the fwctl driver of mlx5 functions, and the command transport
 * it reaches their firmware through. Two transports implement it: the stock
 * mlx5_core of the running kernel (core.c) and the simulated ConnectX
 * function (sim/).
 */
#ifndef __MLX5_FWCTL_H
#define __MLX5_FWCTL_H

#include <linux/build_bug.h>
#include <linux/device.h>
#include <linux/mlx5/device.h>
#include <linux/types.h>

#include "mlx5_policy.h"

enum {
	/* uctx cap bit: commands may touch the device's global state */
	MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES = 0x4,
};

/* The 16-byte header of every PRM command mailbox, in and out. */
struct mlx5_ifc_mlx5_fwctl_in_hdr_bits {
	u8 opcode[0x10];
	u8 uid[0x10];
	u8 reserved_at_20[0x10];
	u8 op_mod[0x10];
	u8 reserved_at_40[0x40];
};

struct mlx5_ifc_mlx5_fwctl_out_hdr_bits {
	u8 status[0x8];
	u8 reserved_at_8[0x18];
	u8 syndrome[0x20];
	u8 reserved_at_40[0x40];
};

static_assert(MLX5_ST_SZ_BYTES(mlx5_fwctl_in_hdr) == MLX5_FWCTL_MBOX_HDR_LEN);
static_assert(MLX5_ST_SZ_BYTES(mlx5_fwctl_out_hdr) == MLX5_FWCTL_MBOX_HDR_LEN);

/**
 * struct mlx5_fwctl_transport - how commands reach one function's firmware
 * @exec: runs one PRM command, @in of @in_len bytes, the response in @out
 *	of @out_len bytes, which is either @in itself or zeroed by the
 *	caller (the simulated firmware relies on it). Returns 0, -EREMOTEIO when
 *	the firmware answered with a non-zero status (@out is valid), or
 *	another errno when the command did not reach the firmware. This is
 *	the contract of mlx5_cmd_do().
 * @uctx_cap: the function's general capability uctx_cap (current value)
 */
struct mlx5_fwctl_transport {
	int (*exec)(void *priv, void *in, int in_len, void *out, int out_len);
	u32 (*uctx_cap)(void *priv);
};

struct mlx5_fwctl_dev;

struct mlx5_fwctl_dev *mlx5_fwctl_add(struct device *parent,
				      const struct mlx5_fwctl_transport *tp,
				      void *priv);
void mlx5_fwctl_remove(struct mlx5_fwctl_dev *mcdev);

#endif
