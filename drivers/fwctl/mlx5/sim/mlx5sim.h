/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mlx5_fwctl_sim: a simulated ConnectX function with a model of the PRM
 * command interface, driven through /sys/bus/mlx5_sim like netdevsim.
 */
#ifndef __MLX5SIM_H
#define __MLX5SIM_H

#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include "mlx5sim_synd.h"
#include "../../simbus.h"

/* Capability pages the model answers QUERY_HCA_CAP for. */
enum mlx5sim_cap_page {
	MLX5SIM_CAP_GENERAL,
	MLX5SIM_CAP_ETH,
	MLX5SIM_CAP_ROCE,
	MLX5SIM_CAP_GENERAL_2,
	MLX5SIM_CAP_DEBUG,
	MLX5SIM_CAP_PAGES,
};

#define MLX5SIM_CAP_PAGE_LEN	4096
#define MLX5SIM_MAX_UIDS	1024
#define MLX5SIM_MAX_DELAY_MS	10000
#define MLX5SIM_DIAG_COUNTERS	4	/* selected at once (SET_DIAGNOSTIC_PARAMS) */
#define MLX5SIM_DIAG_MAX_ID	0x10	/* counter ids 1..MAX exist */
#define MLX5SIM_DIAG_LOG_MAX_SAMPLES 10	/* log_num_of_samples limit */
#define MLX5SIM_TOTAL_VFS	8	/* QUERY_ESW_FUNCTIONS: VFs the host PF supports */

/* The simulated firmware; @lock serialises commands. */
struct mlx5sim_fw {
	struct mutex lock; /* everything below */
	u8 (*caps)[2][MLX5SIM_CAP_PAGE_LEN];	/* [page][max, cur] */
	struct xarray uids;	/* uid -> caps the context was created with */
	u32 live_uids;

	/* registers */
	u32 eth_proto_admin;
	ktime_t ppcnt_base;
	u16 max_temp;		/* 1/8 degree C */

	/* diagnostic counters */
	u16 diag_ids[MLX5SIM_DIAG_COUNTERS];
	u16 diag_num;
	bool diag_enable;
	u8 diag_log_samples;
	u8 diag_log_period;
	ktime_t diag_base;

	/* statistics, read through debugfs */
	u64 cmds;
	u64 fw_errors;

	/* fault knobs, set through debugfs */
	u32 fail_status;	/* non-zero: answer with this status */
	u32 fail_opcode;	/* ... for this opcode only, if non-zero */
	u32 delay_ms;		/* every command takes this long */
	bool dead;		/* the command interface does not answer */
};

struct mlx5sim_dev {
	struct simbus_dev sb;	/* dev, id: see simbus.h */
	struct mlx5_fwctl_dev *mcdev;
	struct dentry *ddir;
	struct mlx5sim_fw fw;
};

static inline struct mlx5sim_dev *to_mlx5sim_dev(struct simbus_dev *sb)
{
	return container_of(sb, struct mlx5sim_dev, sb);
}

/* fw.c: the command interface */
int mlx5sim_fw_init(struct mlx5sim_fw *fw, u32 id);
void mlx5sim_fw_fini(struct mlx5sim_fw *fw);
int mlx5sim_fw_exec(void *priv, void *in, int in_len, void *out, int out_len);
u32 mlx5sim_fw_uctx_cap(void *priv);
extern atomic64_t mlx5sim_uids_created;
extern atomic64_t mlx5sim_uids_destroyed;

/* fw_caps.c: QUERY_HCA_CAP pages */
void mlx5sim_caps_init(struct mlx5sim_fw *fw, u32 id);
int mlx5sim_cap_page(u16 cap_type);

/* fw_reg.c: ACCESS_REG */
u8 mlx5sim_access_reg(struct mlx5sim_fw *fw, u16 op_mod, const void *in,
		      int in_len, void *out, int out_len, u32 *syndrome);

/* fw_diag.c: diagnostic counters */
u8 mlx5sim_diag_set(struct mlx5sim_fw *fw, const void *in, int in_len,
		    u32 *syndrome);
u8 mlx5sim_diag_query_params(struct mlx5sim_fw *fw, void *out, int out_len,
			     u32 *syndrome);
u8 mlx5sim_diag_query_counters(struct mlx5sim_fw *fw, const void *in,
			       int in_len, void *out, int out_len,
			       u32 *syndrome);

/* debugfs.c */
void mlx5sim_debugfs_init(void);
void mlx5sim_debugfs_exit(void);
void mlx5sim_debugfs_dev_add(struct mlx5sim_dev *sdev);
void mlx5sim_debugfs_dev_del(struct mlx5sim_dev *sdev);

#endif
