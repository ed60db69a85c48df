/* SPDX-License-Identifier: GPL-2.0 */
/* The stock mlx5_core transport of mlx5_fwctl (core.c). */
#ifndef __MLX5_FWCTL_CORE_H
#define __MLX5_FWCTL_CORE_H

#ifdef MLX5_FWCTL_STOCK_CORE
int mlx5_fwctl_core_init(void);
void mlx5_fwctl_core_exit(void);
#else
/* Built for a kernel without mlx5_core: no stock functions to serve. */
static inline int mlx5_fwctl_core_init(void)
{
	return 0;
}

static inline void mlx5_fwctl_core_exit(void)
{
}
#endif

#endif
