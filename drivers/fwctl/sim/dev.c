// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl driver of the simulated device: checks every request against the
 * opcode catalogue (fwsim_catalogue.h) and its minimum scope before the
 * firmware sees it.
 */
#include <linux/fwctl.h>
#include <linux/slab.h>

#include "fwsim.h"

atomic64_t fwsim_total_open_calls;
atomic64_t fwsim_total_close_calls;

static struct fwsim_dev *fwsim_uctx_dev(struct fwctl_uctx *uctx)
{
	return container_of(uctx->fwctl, struct fwsim_fwctl, fwctl)->sdev;
}

static int fwsim_open_uctx(struct fwctl_uctx *uctx)
{
	struct fwsim_uctx *su = container_of(uctx, struct fwsim_uctx, uctx);
	struct fwsim_dev *sdev = fwsim_uctx_dev(uctx);
	u32 err = READ_ONCE(sdev->fw.fail_open);
	struct fwsim_ctx *ctx;

	if (err)
		return -(int)min_t(u32, err, MAX_ERRNO);

	ctx = fwsim_fw_ctx_create(&sdev->fw);
	if (IS_ERR(ctx))
		return PTR_ERR(ctx);
	su->ctx = ctx;
	atomic64_inc(&fwsim_total_open_calls);
	return 0;
}

static void fwsim_close_uctx(struct fwctl_uctx *uctx)
{
	struct fwsim_uctx *su = container_of(uctx, struct fwsim_uctx, uctx);
	struct fwsim_dev *sdev = fwsim_uctx_dev(uctx);

	fwsim_fw_ctx_destroy(&sdev->fw, su->ctx);
	su->ctx = NULL;
	atomic64_inc(&fwsim_total_close_calls);
}

static void *fwsim_info(struct fwctl_uctx *uctx, size_t *length)
{
	struct fwsim_uctx *su = container_of(uctx, struct fwsim_uctx, uctx);
	struct fwsim_dev *sdev = fwsim_uctx_dev(uctx);
	struct fwctl_info_sim *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return ERR_PTR(-ENOMEM);
	info->uctx_id = su->ctx->id;
	info->caps = FWSIM_CAPS;
	info->fw_version = FWSIM_FW_VERSION;
	info->dev_id = sdev->sb.id;
	*length = sizeof(*info);
	return info;
}

static void *fwsim_fw_rpc(struct fwctl_uctx *uctx, enum fwctl_rpc_scope scope,
			  void *rpc_in, size_t in_len, size_t *out_len)
{
	struct fwsim_uctx *su = container_of(uctx, struct fwsim_uctx, uctx);
	struct fwsim_dev *sdev = fwsim_uctx_dev(uctx);
	struct fwctl_sim_req *req = rpc_in;
	const struct fwsim_op *op;

	if (in_len < sizeof(*req) || req->rsvd)
		return ERR_PTR(-EINVAL);
	op = fwsim_op_find(req->opcode);
	if (!op)
		return ERR_PTR(-EOPNOTSUPP);
	if (scope < op->min_scope)
		return ERR_PTR(-EPERM);

	return fwsim_fw_exec(&sdev->fw, su->ctx, req, in_len, out_len);
}

static const struct fwctl_ops fwsim_fwctl_ops = {
	.device_type = FWCTL_DEVICE_TYPE_FWGATE_SIM,
	.uctx_size = sizeof(struct fwsim_uctx),
	.open_uctx = fwsim_open_uctx,
	.close_uctx = fwsim_close_uctx,
	.info = fwsim_info,
	.fw_rpc = fwsim_fw_rpc,
};

int fwsim_fwctl_probe(struct fwsim_dev *sdev)
{
	struct fwsim_fwctl *fwctl __free(fwctl) =
		fwctl_alloc_device(&sdev->sb.dev, &fwsim_fwctl_ops,
				   struct fwsim_fwctl, fwctl);
	int ret;

	if (!fwctl)
		return -ENOMEM;
	fwctl->sdev = sdev;

	ret = fwctl_register(&fwctl->fwctl);
	if (ret)
		return ret;
	sdev->fwctl = no_free_ptr(fwctl);
	return 0;
}

void fwsim_fwctl_remove(struct fwsim_dev *sdev)
{
	fwctl_unregister(&sdev->fwctl->fwctl);
	fwctl_put(&sdev->fwctl->fwctl);
	sdev->fwctl = NULL;
}
