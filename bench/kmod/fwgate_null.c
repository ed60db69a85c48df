// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/fwgate_null: a misc device whose ioctl does nothing, the baseline the
 * fwctl RPC round trip is measured against, or (FWGATE_NULL_FLOOR) only
 * what the fwctl uAPI requires of an RPC: the floor.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <uapi/fwctl/fwctl.h>

#include "fwgate_null.h"

static long fwgate_null_floor(struct fwctl_rpc __user *urpc)
{
	struct fwctl_rpc rpc;
	void *in, *out;
	long ret = 0;

	if (copy_from_user(&rpc, urpc, sizeof(rpc)))
		return -EFAULT;
	if (rpc.in_len > SZ_2M || rpc.out_len > SZ_2M)
		return -EMSGSIZE;
	in = kvmalloc(rpc.in_len, GFP_KERNEL_ACCOUNT);
	out = kvzalloc(rpc.out_len, GFP_KERNEL_ACCOUNT);
	if (!in || !out) {
		ret = -ENOMEM;
		goto out;
	}
	if (copy_from_user(in, u64_to_user_ptr(rpc.in), rpc.in_len) ||
	    copy_to_user(u64_to_user_ptr(rpc.out), out, rpc.out_len) ||
	    copy_to_user(urpc, &rpc, sizeof(rpc)))
		ret = -EFAULT;
out:
	kvfree(out);
	kvfree(in);
	return ret;
}

static long fwgate_null_ioctl(struct file *filp, unsigned int cmd,
			      unsigned long arg)
{
	if (cmd == FWGATE_NULL_FLOOR)
		return fwgate_null_floor((struct fwctl_rpc __user *)arg);
	return 0;
}

static const struct file_operations fwgate_null_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = fwgate_null_ioctl,
};

static struct miscdevice fwgate_null_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fwgate_null",
	.fops = &fwgate_null_fops,
};
module_misc_device(fwgate_null_dev);

MODULE_DESCRIPTION("Baseline misc device for the fwgate benchmarks");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
