// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5_fwctl: fwctl for NVIDIA mlx5 (ConnectX) functions, with upstream's
 * behaviour. Each open file owns a firmware user context (uid); every
 * command the file sends is checked against the allow-list of its scope and
 * carries that uid, whatever the caller wrote there.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/fwctl.h>
#include <linux/mlx5/device.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <uapi/fwctl/mlx5.h>

#include "mlx5_fwctl.h"
#include "mlx5_fwctl_core.h"
#include "mlx5_policy.h"
#include "trace.h"

struct mlx5_fwctl_dev {
	struct fwctl_device fwctl;
	const struct mlx5_fwctl_transport *tp;
	void *priv;
};

struct mlx5_fwctl_uctx {
	struct fwctl_uctx uctx;
	u32 uctx_caps;
	u16 uid;
};

static struct mlx5_fwctl_dev *to_mcdev(struct fwctl_uctx *uctx)
{
	return container_of(uctx->fwctl, struct mlx5_fwctl_dev, fwctl);
}

static struct mlx5_fwctl_uctx *to_mfd(struct fwctl_uctx *uctx)
{
	return container_of(uctx, struct mlx5_fwctl_uctx, uctx);
}

/* An errno for a firmware status, for the commands the driver itself sends. */
static int mlx5_fwctl_status_errno(u8 status)
{
	switch (status) {
	case MLX5_CMD_STAT_OK:
		return 0;
	case MLX5_CMD_STAT_BAD_OP_ERR:
		return -EOPNOTSUPP;
	case MLX5_CMD_STAT_BAD_PARAM_ERR:
	case MLX5_CMD_STAT_BAD_INP_LEN_ERR:
	case MLX5_CMD_STAT_BAD_OUTP_LEN_ERR:
		return -EINVAL;
	case MLX5_CMD_STAT_RES_BUSY:
		return -EBUSY;
	case MLX5_CMD_STAT_LIM_ERR:
	case MLX5_CMD_STAT_NO_RES_ERR:
		return -ENOSPC;
	default:
		return -EIO;
	}
}

/* Runs a command of the driver's own; a firmware status becomes an errno. */
static int mlx5_fwctl_exec_own(struct mlx5_fwctl_dev *mcdev, void *in,
			       int in_len, void *out, int out_len)
{
	int ret = mcdev->tp->exec(mcdev->priv, in, in_len, out, out_len);

	if (ret == -EREMOTEIO)
		return mlx5_fwctl_status_errno(MLX5_GET(mlx5_fwctl_out_hdr, out,
							status));
	return ret;
}

static int mlx5_fwctl_open_uctx(struct fwctl_uctx *uctx)
{
	u32 out[MLX5_ST_SZ_DW(create_uctx_out)] = {};
	u32 in[MLX5_ST_SZ_DW(create_uctx_in)] = {};
	struct mlx5_fwctl_dev *mcdev = to_mcdev(uctx);
	struct mlx5_fwctl_uctx *mfd = to_mfd(uctx);
	int ret;

	/*
	 * Firmware that offers TOOLS_RESOURCES lets the context reach the
	 * device's global state; without it the context has the rights of an
	 * RDMA DEVX user.
	 */
	if (mcdev->tp->uctx_cap(mcdev->priv) &
	    MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES)
		mfd->uctx_caps |= MLX5_FWCTL_UCTX_CAP_TOOLS_RESOURCES;

	MLX5_SET(create_uctx_in, in, opcode, MLX5_CMD_OP_CREATE_UCTX);
	MLX5_SET(uctx, MLX5_ADDR_OF(create_uctx_in, in, uctx), cap,
		 mfd->uctx_caps);
	ret = mlx5_fwctl_exec_own(mcdev, in, sizeof(in), out, sizeof(out));
	if (ret)
		return ret;

	mfd->uid = MLX5_GET(create_uctx_out, out, uid);
	dev_dbg(&mcdev->fwctl.dev, "pid %d: uid %u, caps 0x%x\n",
		task_pid_nr(current), mfd->uid, mfd->uctx_caps);
	return 0;
}

static void mlx5_fwctl_close_uctx(struct fwctl_uctx *uctx)
{
	u32 out[MLX5_ST_SZ_DW(destroy_uctx_out)] = {};
	u32 in[MLX5_ST_SZ_DW(destroy_uctx_in)] = {};
	struct mlx5_fwctl_dev *mcdev = to_mcdev(uctx);
	struct mlx5_fwctl_uctx *mfd = to_mfd(uctx);
	int ret;

	MLX5_SET(destroy_uctx_in, in, opcode, MLX5_CMD_OP_DESTROY_UCTX);
	MLX5_SET(destroy_uctx_in, in, uid, mfd->uid);
	ret = mlx5_fwctl_exec_own(mcdev, in, sizeof(in), out, sizeof(out));
	dev_dbg(&mcdev->fwctl.dev, "uid %u released: %d\n", mfd->uid, ret);
}

static void *mlx5_fwctl_info(struct fwctl_uctx *uctx, size_t *length)
{
	struct mlx5_fwctl_uctx *mfd = to_mfd(uctx);
	struct fwctl_info_mlx5 *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);
	info->uid = mfd->uid;
	info->uctx_caps = mfd->uctx_caps;
	*length = sizeof(*info);
	return info;
}

static bool mlx5_fwctl_allowed(u16 opcode, u16 op_mod,
			       enum fwctl_rpc_scope scope)
{
	int min_scope = mlx5_fwctl_min_scope(opcode, op_mod);

	return min_scope >= 0 && scope >= min_scope;
}

static void *mlx5_fwctl_fw_rpc(struct fwctl_uctx *uctx,
			       enum fwctl_rpc_scope scope, void *rpc_in,
			       size_t in_len, size_t *out_len)
{
	struct mlx5_fwctl_dev *mcdev = to_mcdev(uctx);
	struct mlx5_fwctl_uctx *mfd = to_mfd(uctx);
	struct device *dev = &mcdev->fwctl.dev;
	u16 opcode, op_mod;
	void *rpc_out;
	int ret;

	if (in_len < MLX5_FWCTL_MBOX_HDR_LEN ||
	    *out_len < MLX5_FWCTL_MBOX_HDR_LEN)
		return ERR_PTR(-EMSGSIZE);
	opcode = MLX5_GET(mlx5_fwctl_in_hdr, rpc_in, opcode);
	op_mod = MLX5_GET(mlx5_fwctl_in_hdr, rpc_in, op_mod);
	if (!mlx5_fwctl_allowed(opcode, op_mod, scope)) {
		trace_mlx5_fwctl_cmd(dev, opcode, op_mod, mfd->uid, 0, 0,
				     -EBADMSG);
		return ERR_PTR(-EBADMSG);
	}

	/* The transport copies the request before it writes the response. */
	if (*out_len <= in_len) {
		rpc_out = rpc_in;
	} else {
		rpc_out = kvzalloc(*out_len, GFP_KERNEL_ACCOUNT);
		if (!rpc_out)
			return ERR_PTR(-ENOMEM);
	}

	MLX5_SET(mlx5_fwctl_in_hdr, rpc_in, uid, mfd->uid);
	ret = mcdev->tp->exec(mcdev->priv, rpc_in, in_len, rpc_out, *out_len);
	trace_mlx5_fwctl_cmd(dev, opcode, op_mod, mfd->uid,
			     ret == -EREMOTEIO ?
			     MLX5_GET(mlx5_fwctl_out_hdr, rpc_out, status) : 0,
			     ret == -EREMOTEIO ?
			     MLX5_GET(mlx5_fwctl_out_hdr, rpc_out, syndrome) : 0,
			     ret == -EREMOTEIO ? 0 : ret);
	/* A firmware status is an answer: the caller reads it in the mailbox. */
	if (ret && ret != -EREMOTEIO) {
		if (rpc_out != rpc_in)
			kvfree(rpc_out);
		return ERR_PTR(ret);
	}
	return rpc_out;
}

static const struct fwctl_ops mlx5_fwctl_ops = {
	.device_type = FWCTL_DEVICE_TYPE_MLX5,
	.uctx_size = sizeof(struct mlx5_fwctl_uctx),
	.open_uctx = mlx5_fwctl_open_uctx,
	.close_uctx = mlx5_fwctl_close_uctx,
	.info = mlx5_fwctl_info,
	.fw_rpc = mlx5_fwctl_fw_rpc,
};

/**
 * mlx5_fwctl_add - register a fwctl device for one mlx5 function
 * @parent: the function (its PCI device, or the simulated device)
 * @tp: the transport to the function's firmware; must outlive the device
 * @priv: passed to every @tp call
 *
 * Return: the device, or an ERR_PTR. Undo with mlx5_fwctl_remove().
 */
struct mlx5_fwctl_dev *mlx5_fwctl_add(struct device *parent,
				      const struct mlx5_fwctl_transport *tp,
				      void *priv)
{
	struct mlx5_fwctl_dev *mcdev __free(fwctl) =
		fwctl_alloc_device(parent, &mlx5_fwctl_ops,
				   struct mlx5_fwctl_dev, fwctl);
	int ret;

	if (!mcdev)
		return ERR_PTR(-ENOMEM);
	mcdev->tp = tp;
	mcdev->priv = priv;

	ret = fwctl_register(&mcdev->fwctl);
	if (ret)
		return ERR_PTR(ret);
	return no_free_ptr(mcdev);
}
EXPORT_SYMBOL_NS_GPL(mlx5_fwctl_add, MLX5_FWCTL);

/**
 * mlx5_fwctl_remove - unregister and release a device from mlx5_fwctl_add()
 * @mcdev: the device
 *
 * Destroys every open file's firmware context through the transport before
 * it returns; files still open answer ENODEV from then on.
 */
void mlx5_fwctl_remove(struct mlx5_fwctl_dev *mcdev)
{
	fwctl_unregister(&mcdev->fwctl);
	fwctl_put(&mcdev->fwctl);
}
EXPORT_SYMBOL_NS_GPL(mlx5_fwctl_remove, MLX5_FWCTL);

static int __init mlx5_fwctl_init(void)
{
	return mlx5_fwctl_core_init();
}

static void __exit mlx5_fwctl_exit(void)
{
	mlx5_fwctl_core_exit();
}

module_init(mlx5_fwctl_init);
module_exit(mlx5_fwctl_exit);
MODULE_DESCRIPTION("fwctl driver for NVIDIA mlx5 (ConnectX) functions (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_IMPORT_NS(FWCTL);
