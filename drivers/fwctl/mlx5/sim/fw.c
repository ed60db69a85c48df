// SPDX-License-Identifier: GPL-2.0
/*
 * The simulated firmware's command interface: the PRM mailbox contract of
 * a ConnectX function as mlx5_cmd_do() reports it. Every command is checked
 * for its opcode, op_mod, uid and lengths, and a refusal is an out mailbox
 * with a status and a syndrome (-EREMOTEIO), never a crash.
 *
 * User contexts: CREATE_UCTX and DESTROY_UCTX are the kernel's (uid 0 in
 * the header). Any other command may carry uid 0 or a live uid; a command
 * about a user context (QUERY_UCTX) may only name its own.
 */
#define pr_fmt(fmt) "mlx5_fwctl_sim: " fmt
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/mlx5/device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

atomic64_t mlx5sim_uids_created;
atomic64_t mlx5sim_uids_destroyed;

/*
 * The model reads at most this much of a request: the header, the register
 * access words and the largest register it implements. Copying it first
 * lets the response overwrite a request it shares a buffer with.
 */
#define MLX5SIM_REQ_MAX	(MLX5_FWCTL_MBOX_HDR_LEN + 0x100)

/* One command in flight. */
struct mlx5sim_cmd {
	struct mlx5sim_fw *fw;
	u32 req[MLX5SIM_REQ_MAX / 4];
	int in_len;
	void *out;
	int out_len;
	u16 opcode;
	u16 uid;
	u16 op_mod;
	u32 syndrome;
};

/* QUERY_UCTX: the general object header names the context in obj_id. */
struct mlx5_ifc_mlx5sim_query_uctx_out_bits {
	u8 status[0x8];
	u8 reserved_at_8[0x18];
	u8 syndrome[0x20];
	u8 reserved_at_40[0x40];
	u8 cap[0x20];
	u8 uid[0x10];
	u8 reserved_at_b0[0x50];
};

static u8 mlx5sim_refuse(struct mlx5sim_cmd *cmd, u8 status, u32 syndrome)
{
	cmd->syndrome = syndrome;
	return status;
}

/* The request is at least @in bytes and the response fits @out bytes. */
static u8 mlx5sim_check_lens(struct mlx5sim_cmd *cmd, int in, int out)
{
	if (cmd->in_len < in)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_INP_LEN_ERR,
				      MLX5SIM_SYND_IN_LEN);
	if (cmd->out_len < out)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_OUTP_LEN_ERR,
				      MLX5SIM_SYND_OUT_LEN);
	return MLX5_CMD_STAT_OK;
}

#define MLX5SIM_CHECK_LENS(cmd, name)					\
	mlx5sim_check_lens(cmd, MLX5_ST_SZ_BYTES(name##_in),		\
			   MLX5_ST_SZ_BYTES(name##_out))

static u8 mlx5sim_nop(struct mlx5sim_cmd *cmd)
{
	return MLX5SIM_CHECK_LENS(cmd, nop);
}

static u8 mlx5sim_query_issi(struct mlx5sim_cmd *cmd)
{
	u8 st = MLX5SIM_CHECK_LENS(cmd, query_issi);

	if (st)
		return st;
	MLX5_SET(query_issi_out, cmd->out, current_issi, 1);
	MLX5_SET(query_issi_out, cmd->out, supported_issi_dw0, 0x3);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_query_hca_cap(struct mlx5sim_cmd *cmd)
{
	u8 st = MLX5SIM_CHECK_LENS(cmd, query_hca_cap);
	int page;

	if (st)
		return st;
	if (MLX5_GET(query_hca_cap_in, cmd->req, other_function))
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_PARAM);
	page = mlx5sim_cap_page(cmd->op_mod >> 1);
	if (page < 0)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_OP_MOD);
	memcpy(MLX5_ADDR_OF(query_hca_cap_out, cmd->out, capability),
	       cmd->fw->caps[page][cmd->op_mod & 1], MLX5SIM_CAP_PAGE_LEN);
	return MLX5_CMD_STAT_OK;
}

/*
 * QUERY_ESW_FUNCTIONS, op_mod 0: the host PF this function manages, present
 * and enabled, with no VFs enabled out of MLX5SIM_TOTAL_VFS.
 */
static u8 mlx5sim_query_esw_functions(struct mlx5sim_cmd *cmd)
{
	u8 st = MLX5SIM_CHECK_LENS(cmd, query_esw_functions);
	void *host;

	if (st)
		return st;
	if (cmd->op_mod)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_OP_MOD);
	host = MLX5_ADDR_OF(query_esw_functions_out, cmd->out,
			    host_params_context);
	MLX5_SET(host_params_context, host, host_total_vfs, MLX5SIM_TOTAL_VFS);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_query_adapter(struct mlx5sim_cmd *cmd)
{
	u8 st = MLX5SIM_CHECK_LENS(cmd, query_adapter);
	void *blk;

	if (st)
		return st;
	blk = MLX5_ADDR_OF(query_adapter_out, cmd->out, query_adapter_struct);
	MLX5_SET(query_adapter_param_block, blk, ieee_vendor_id, 0x0002c9);
	MLX5_SET(query_adapter_param_block, blk, vsd_vendor_id, 0x15b3);
	strscpy(MLX5_ADDR_OF(query_adapter_param_block, blk, vsd),
		"fwgate simulated ConnectX function", 208);
	strscpy(MLX5_ADDR_OF(query_adapter_param_block, blk, vsd_contd_psid),
		"FWG0000000001", 16);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_create_uctx(struct mlx5sim_cmd *cmd)
{
	struct mlx5sim_fw *fw = cmd->fw;
	u8 st = MLX5SIM_CHECK_LENS(cmd, create_uctx);
	u32 offered, caps, uid;

	if (st)
		return st;
	if (cmd->uid)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_NOT_KERNEL);
	caps = MLX5_GET(uctx, MLX5_ADDR_OF(create_uctx_in, cmd->req, uctx),
			cap);
	offered = MLX5_GET(cmd_hca_cap, fw->caps[MLX5SIM_CAP_GENERAL][1],
			   uctx_cap);
	if (caps & ~offered)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_CAPS);
	if (xa_alloc(&fw->uids, &uid, xa_mk_value(caps),
		     XA_LIMIT(1, MLX5SIM_MAX_UIDS), GFP_KERNEL))
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_NO_RES_ERR,
				      MLX5SIM_SYND_NO_UIDS);
	fw->live_uids++;
	atomic64_inc(&mlx5sim_uids_created);
	MLX5_SET(create_uctx_out, cmd->out, uid, uid);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_destroy_uctx(struct mlx5sim_cmd *cmd)
{
	struct mlx5sim_fw *fw = cmd->fw;
	u8 st = MLX5SIM_CHECK_LENS(cmd, destroy_uctx);
	u16 uid;

	if (st)
		return st;
	if (cmd->uid)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_NOT_KERNEL);
	uid = MLX5_GET(destroy_uctx_in, cmd->req, uid);
	if (!uid || !xa_erase(&fw->uids, uid))
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_UID);
	fw->live_uids--;
	atomic64_inc(&mlx5sim_uids_destroyed);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_query_uctx(struct mlx5sim_cmd *cmd)
{
	u8 st = mlx5sim_check_lens(cmd,
				   MLX5_ST_SZ_BYTES(general_obj_in_cmd_hdr),
				   MLX5_ST_SZ_BYTES(mlx5sim_query_uctx_out));
	u32 obj_id;
	void *entry;

	if (st)
		return st;
	obj_id = MLX5_GET(general_obj_in_cmd_hdr, cmd->req, obj_id);
	/* A user context may query itself only; the kernel may query any. */
	if (cmd->uid && obj_id != cmd->uid)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_UID);
	entry = obj_id <= U16_MAX ? xa_load(&cmd->fw->uids, obj_id) : NULL;
	if (!entry)
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_UID);
	MLX5_SET(mlx5sim_query_uctx_out, cmd->out, cap, xa_to_value(entry));
	MLX5_SET(mlx5sim_query_uctx_out, cmd->out, uid, obj_id);
	return MLX5_CMD_STAT_OK;
}

static u8 mlx5sim_access_register(struct mlx5sim_cmd *cmd)
{
	return mlx5sim_access_reg(cmd->fw, cmd->op_mod, cmd->req, cmd->in_len,
				  cmd->out, cmd->out_len, &cmd->syndrome);
}

static u8 mlx5sim_diag_params(struct mlx5sim_cmd *cmd)
{
	return mlx5sim_diag_query_params(cmd->fw, cmd->out, cmd->out_len,
					 &cmd->syndrome);
}

static u8 mlx5sim_diag_set_params(struct mlx5sim_cmd *cmd)
{
	return mlx5sim_diag_set(cmd->fw, cmd->req, cmd->in_len,
				&cmd->syndrome);
}

static u8 mlx5sim_diag_counters(struct mlx5sim_cmd *cmd)
{
	return mlx5sim_diag_query_counters(cmd->fw, cmd->req, cmd->in_len,
					   cmd->out, cmd->out_len,
					   &cmd->syndrome);
}

static const struct mlx5sim_handler {
	u16 opcode;
	u8 (*run)(struct mlx5sim_cmd *cmd);
} mlx5sim_handlers[] = {
	{ MLX5_CMD_OP_QUERY_HCA_CAP, mlx5sim_query_hca_cap },
	{ MLX5_CMD_OP_QUERY_ADAPTER, mlx5sim_query_adapter },
	{ MLX5_CMD_OP_QUERY_ISSI, mlx5sim_query_issi },
	{ MLX5_CMD_OP_ACCESS_REG, mlx5sim_access_register },
	{ MLX5_CMD_OP_NOP, mlx5sim_nop },
	{ MLX5_CMD_OP_QUERY_ESW_FUNCTIONS, mlx5sim_query_esw_functions },
	{ 0x819 /* QUERY_DIAGNOSTIC_PARAMS */, mlx5sim_diag_params },
	{ 0x820 /* SET_DIAGNOSTIC_PARAMS */, mlx5sim_diag_set_params },
	{ 0x821 /* QUERY_DIAGNOSTIC_COUNTERS */, mlx5sim_diag_counters },
	{ MLX5_CMD_OP_CREATE_UCTX, mlx5sim_create_uctx },
	{ 0xa05 /* QUERY_UCTX */, mlx5sim_query_uctx },
	{ MLX5_CMD_OP_DESTROY_UCTX, mlx5sim_destroy_uctx },
};

static u8 mlx5sim_dispatch(struct mlx5sim_cmd *cmd)
{
	struct mlx5sim_fw *fw = cmd->fw;
	unsigned int i;

	if (fw->fail_status &&
	    (!fw->fail_opcode || fw->fail_opcode == cmd->opcode) &&
	    cmd->opcode != MLX5_CMD_OP_DESTROY_UCTX)
		return mlx5sim_refuse(cmd, fw->fail_status,
				      MLX5SIM_SYND_INJECTED);
	if (cmd->uid && !xa_load(&fw->uids, cmd->uid))
		return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_PARAM_ERR,
				      MLX5SIM_SYND_BAD_UID);

	for (i = 0; i < ARRAY_SIZE(mlx5sim_handlers); i++)
		if (mlx5sim_handlers[i].opcode == cmd->opcode)
			return mlx5sim_handlers[i].run(cmd);
	return mlx5sim_refuse(cmd, MLX5_CMD_STAT_BAD_OP_ERR,
			      MLX5SIM_SYND_BAD_OPCODE);
}

/**
 * mlx5sim_fw_exec - run one command, with mlx5_cmd_do()'s contract
 * @priv: the struct mlx5sim_fw
 * @in: the request
 * @in_len: its length
 * @out: the response buffer: @in itself, or zeroed by the caller
 * @out_len: its length
 *
 * Return: 0; -EREMOTEIO with the status and syndrome in @out; -ENOLINK when
 * the firmware is dead (as mlx5_core answers once its command interface is
 * down); -EINVAL for a buffer too short to hold a mailbox header.
 */
int mlx5sim_fw_exec(void *priv, void *in, int in_len, void *out, int out_len)
{
	struct mlx5sim_fw *fw = priv;
	struct mlx5sim_cmd c = {
		.fw = fw,
		.in_len = in_len,
		.out = out,
		.out_len = out_len,
	};
	struct mlx5sim_cmd *cmd = &c;
	u32 delay = READ_ONCE(fw->delay_ms);
	u8 status;

	if (in_len < MLX5_FWCTL_MBOX_HDR_LEN ||
	    out_len < MLX5_FWCTL_MBOX_HDR_LEN)
		return -EINVAL;
	if (delay)
		msleep_interruptible(min_t(u32, delay, MLX5SIM_MAX_DELAY_MS));
	if (READ_ONCE(fw->dead))
		return -ENOLINK;

	memcpy(cmd->req, in, min_t(int, in_len, sizeof(cmd->req)));
	cmd->opcode = MLX5_GET(mlx5_fwctl_in_hdr, cmd->req, opcode);
	cmd->uid = MLX5_GET(mlx5_fwctl_in_hdr, cmd->req, uid);
	cmd->op_mod = MLX5_GET(mlx5_fwctl_in_hdr, cmd->req, op_mod);
	/* A separate response buffer arrives zeroed (the transport contract). */
	if (out == in)
		memset(out, 0, out_len);

	scoped_guard(mutex, &fw->lock) {
		fw->cmds++;
		status = mlx5sim_dispatch(cmd);
		if (status)
			fw->fw_errors++;
	}

	if (status) {
		memset(out, 0, MLX5_FWCTL_MBOX_HDR_LEN);
		MLX5_SET(mlx5_fwctl_out_hdr, out, status, status);
		MLX5_SET(mlx5_fwctl_out_hdr, out, syndrome, cmd->syndrome);
		return -EREMOTEIO;
	}
	return 0;
}

/**
 * mlx5sim_fw_uctx_cap - the general capability uctx_cap, current value
 * @priv: the struct mlx5sim_fw
 *
 * Return: the capability bits CREATE_UCTX accepts.
 */
u32 mlx5sim_fw_uctx_cap(void *priv)
{
	struct mlx5sim_fw *fw = priv;

	guard(mutex)(&fw->lock);
	return MLX5_GET(cmd_hca_cap, fw->caps[MLX5SIM_CAP_GENERAL][1],
			uctx_cap);
}

int mlx5sim_fw_init(struct mlx5sim_fw *fw, u32 id)
{
	fw->caps = kvzalloc(sizeof(*fw->caps) * MLX5SIM_CAP_PAGES, GFP_KERNEL);
	if (!fw->caps)
		return -ENOMEM;
	mutex_init(&fw->lock);
	xa_init_flags(&fw->uids, XA_FLAGS_ALLOC1);
	mlx5sim_caps_init(fw, id);
	fw->eth_proto_admin = 0;
	fw->ppcnt_base = ktime_get();
	fw->diag_base = fw->ppcnt_base;
	return 0;
}

void mlx5sim_fw_fini(struct mlx5sim_fw *fw)
{
	/* A uid left in working firmware is a context the driver leaked. */
	if (fw->live_uids && !fw->dead)
		pr_warn("%u user contexts were never destroyed\n",
			fw->live_uids);
	xa_destroy(&fw->uids);
	mutex_destroy(&fw->lock);
	kvfree(fw->caps);
}
