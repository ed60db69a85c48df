// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/mlx5_sim: what the simulated firmware counts, and its
 * fault knobs.
 *   uids_created, uids_destroyed	all devices, since the module loaded
 *   mlx5_simN/live_uids		user contexts the firmware holds
 *   mlx5_simN/cmds, fw_errors		commands run, and answered with an error
 *   mlx5_simN/fail_status		non-zero: answer commands with it...
 *   mlx5_simN/fail_opcode		...this opcode only, if non-zero
 *   mlx5_simN/delay_ms			every command takes this long (max 10 s)
 *   mlx5_simN/dead			Y: the command interface is down
 *   mlx5_simN/tools_resources		Y: uctx_cap offers TOOLS_RESOURCES
 */
#include <linux/debugfs.h>
#include <linux/mlx5/device.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

static struct dentry *mlx5sim_debugfs_root;

static int mlx5sim_tools_get(void *data, u64 *val)
{
	*val = !!(mlx5sim_fw_uctx_cap(data) &
		  MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES);
	return 0;
}

static int mlx5sim_tools_set(void *data, u64 val)
{
	struct mlx5sim_fw *fw = data;
	int mode;

	if (val > 1)
		return -EINVAL;
	guard(mutex)(&fw->lock);
	for (mode = 0; mode < 2; mode++) {
		void *gen = fw->caps[MLX5SIM_CAP_GENERAL][mode];
		u32 cap = MLX5_GET(cmd_hca_cap, gen, uctx_cap);

		if (val)
			cap |= MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES;
		else
			cap &= ~MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES;
		MLX5_SET(cmd_hca_cap, gen, uctx_cap, cap);
	}
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(mlx5sim_tools_fops, mlx5sim_tools_get,
			 mlx5sim_tools_set, "%llu\n");

static int mlx5sim_atomic64_get(void *data, u64 *val)
{
	*val = atomic64_read(data);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(mlx5sim_atomic64_fops, mlx5sim_atomic64_get, NULL,
			 "%llu\n");

void mlx5sim_debugfs_dev_add(struct mlx5sim_dev *sdev)
{
	struct mlx5sim_fw *fw = &sdev->fw;
	struct dentry *d;

	d = debugfs_create_dir(dev_name(&sdev->sb.dev), mlx5sim_debugfs_root);
	sdev->ddir = d;
	debugfs_create_u32("live_uids", 0400, d, &fw->live_uids);
	debugfs_create_u64("cmds", 0400, d, &fw->cmds);
	debugfs_create_u64("fw_errors", 0400, d, &fw->fw_errors);
	debugfs_create_x32("fail_status", 0600, d, &fw->fail_status);
	debugfs_create_x32("fail_opcode", 0600, d, &fw->fail_opcode);
	debugfs_create_u32("delay_ms", 0600, d, &fw->delay_ms);
	debugfs_create_bool("dead", 0600, d, &fw->dead);
	debugfs_create_file_unsafe("tools_resources", 0600, d, fw,
				   &mlx5sim_tools_fops);
}

void mlx5sim_debugfs_dev_del(struct mlx5sim_dev *sdev)
{
	debugfs_remove(sdev->ddir);
	sdev->ddir = NULL;
}

void mlx5sim_debugfs_init(void)
{
	mlx5sim_debugfs_root = debugfs_create_dir("mlx5_sim", NULL);
	debugfs_create_file_unsafe("uids_created", 0400, mlx5sim_debugfs_root,
				   &mlx5sim_uids_created, &mlx5sim_atomic64_fops);
	debugfs_create_file_unsafe("uids_destroyed", 0400,
				   mlx5sim_debugfs_root,
				   &mlx5sim_uids_destroyed,
				   &mlx5sim_atomic64_fops);
}

void mlx5sim_debugfs_exit(void)
{
	debugfs_remove(mlx5sim_debugfs_root);
}
