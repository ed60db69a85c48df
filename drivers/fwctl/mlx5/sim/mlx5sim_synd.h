/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulated ConnectX firmware's syndromes: the one list the model
 * (kernel) and the tests (userspace) include.
 */
#ifndef __MLX5SIM_SYND_H
#define __MLX5SIM_SYND_H

/*
 * Syndromes of the model's refusals, so that a test can tell them apart.
 * Real firmware has its own; these only need to be distinct and non-zero.
 */
enum mlx5sim_syndrome {
	MLX5SIM_SYND_BAD_OPCODE = 0x5a000001,
	MLX5SIM_SYND_BAD_OP_MOD = 0x5a000002,
	MLX5SIM_SYND_BAD_UID = 0x5a000003,
	MLX5SIM_SYND_IN_LEN = 0x5a000004,
	MLX5SIM_SYND_OUT_LEN = 0x5a000005,
	MLX5SIM_SYND_NOT_KERNEL = 0x5a000006,
	MLX5SIM_SYND_BAD_CAPS = 0x5a000007,
	MLX5SIM_SYND_NO_UIDS = 0x5a000008,
	MLX5SIM_SYND_BAD_REG = 0x5a000009,
	MLX5SIM_SYND_READ_ONLY_REG = 0x5a00000a,
	MLX5SIM_SYND_BAD_PARAM = 0x5a00000b,
	MLX5SIM_SYND_DIAG_OFF = 0x5a00000c,
	MLX5SIM_SYND_INJECTED = 0x5a0000ff,
};

#endif
