/* SPDX-License-Identifier: GPL-2.0 */
/* The stock mlx5_core transport of mlx5_fwctl (core.c). */
#ifndef __MLX5_FWCTL_CORE_H
#define __MLX5_FWCTL_CORE_H

int mlx5_fwctl_core_init(void);
void mlx5_fwctl_core_exit(void);

#endif
