/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which PRM commands an mlx5 fwctl file may send, at which scope.
 *
 * The table is upstream mlx5_fwctl's allow-list (Linux 6.15+), kept in one
 * place that the kernel driver, the fwctl CLI and the tests all compile:
 * mlx5_policy.c builds both in the kernel and in userspace.
 */
#ifndef __MLX5_FWCTL_POLICY_H
#define __MLX5_FWCTL_POLICY_H

#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/stddef.h>
#else
#include <stddef.h>
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#include <linux/types.h>
#include <fwctl/fwctl.h>

/* The PRM mailbox header every command starts with (in and out). */
#define MLX5_FWCTL_MBOX_HDR_LEN	16

/**
 * struct mlx5_fwctl_cmd_policy - one command upstream's policy allows
 * @opcode: the PRM opcode
 * @scope: the lowest enum fwctl_rpc_scope that may send it
 * @scope_op_mod0: the lowest scope when op_mod is 0; differs from @scope
 *	only for register access, where op_mod 0 is a write
 * @name: the PRM command name, without the MLX5_CMD_OP_ prefix
 */
struct mlx5_fwctl_cmd_policy {
	__u16 opcode;
	__u8 scope;
	__u8 scope_op_mod0;
	const char *name;
};

/* Sorted by opcode. */
extern const struct mlx5_fwctl_cmd_policy mlx5_fwctl_policy[];
extern const unsigned int mlx5_fwctl_policy_len;

const struct mlx5_fwctl_cmd_policy *mlx5_fwctl_policy_find(__u16 opcode);
int mlx5_fwctl_min_scope(__u16 opcode, __u16 op_mod);

#endif
