/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fwctl_sim: a simulated device with a small firmware, driven through
 * /sys/bus/fwctl_sim the way netdevsim is.
 */
#ifndef __FWSIM_H
#define __FWSIM_H

#include <linux/device.h>
#include <linux/fwctl.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/sizes.h>
#include <linux/types.h>
#include <uapi/fwctl/fwctl_sim.h>

#include "fwsim_catalogue.h"
#include "../simbus.h"

#define FWSIM_NUM_REGS		64
#define FWSIM_MEM_SIZE		4096
#define FWSIM_MAX_OBJECTS	16
/* The full log fills the largest response the core carries, 2 MiB. */
#define FWSIM_LOG_LEN		(SZ_2M - sizeof(struct fwctl_sim_resp))
#define FWSIM_MAX_DELAY_MS	10000

struct fwsim_obj {
	u32 tag;
	bool used;
};

/* The firmware's side of one open file. */
struct fwsim_ctx {
	u32 id;
	struct fwsim_obj objs[FWSIM_MAX_OBJECTS];
};

/* Simulated firmware state; @lock serialises everything but NOP. */
struct fwsim_fw {
	struct mutex lock; /* the firmware's state below */
	u32 dev_id;
	u32 cfg[FWCTL_SIM_CFG_NUM_KEYS];
	u32 regs[FWSIM_NUM_REGS];
	u8 mem[FWSIM_MEM_SIZE];
	char *log;	/* rendered on the first LOG_DUMP */
	bool crashed;
	struct ida ctx_ida;

	u64 __percpu *rpcs;
	atomic64_t errors;
	u64 resets;
	u64 cfg_writes;
	u64 reg_writes;
	u64 mem_writes;
	u32 contexts;
	u32 objects;

	/* fault injection, set through debugfs */
	u32 fail_open;
	u32 inject_errors;
	u32 delay_ms;
};

struct fwsim_dev {
	struct simbus_dev sb;	/* dev, id: see simbus.h */
	struct fwsim_fwctl *fwctl;
	struct dentry *ddir;
	struct fwsim_fw fw;
};

struct fwsim_fwctl {
	struct fwctl_device fwctl;
	struct fwsim_dev *sdev;
};

struct fwsim_uctx {
	struct fwctl_uctx uctx;
	struct fwsim_ctx *ctx;
};

static inline struct fwsim_dev *to_fwsim_dev(struct simbus_dev *sb)
{
	return container_of(sb, struct fwsim_dev, sb);
}

/* fw.c: the firmware model */
int fwsim_fw_init(struct fwsim_fw *fw, u32 dev_id);
void fwsim_fw_fini(struct fwsim_fw *fw);
struct fwsim_ctx *fwsim_fw_ctx_create(struct fwsim_fw *fw);
void fwsim_fw_ctx_destroy(struct fwsim_fw *fw, struct fwsim_ctx *ctx);
struct fwctl_sim_resp *fwsim_fw_exec(struct fwsim_fw *fw,
				     struct fwsim_ctx *ctx,
				     struct fwctl_sim_req *req, size_t in_len,
				     size_t *out_len);

/* dev.c: the fwctl driver */
int fwsim_fwctl_probe(struct fwsim_dev *sdev);
void fwsim_fwctl_remove(struct fwsim_dev *sdev);

/* debugfs.c */
void fwsim_debugfs_init(void);
void fwsim_debugfs_exit(void);
void fwsim_debugfs_dev_add(struct fwsim_dev *sdev);
void fwsim_debugfs_dev_del(struct fwsim_dev *sdev);
extern atomic64_t fwsim_total_open_calls;
extern atomic64_t fwsim_total_close_calls;

#endif
