// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/fwgate_null: a misc device whose ioctl does nothing, the baseline the
 * fwctl RPC round trip is measured against.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>

static long fwgate_null_ioctl(struct file *filp, unsigned int cmd,
			      unsigned long arg)
{
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
