// SPDX-License-Identifier: GPL-2.0
/*
 * The fwctl_sim bus: userspace creates and destroys simulated devices with
 *   echo ID > /sys/bus/fwctl_sim/new_device
 *   echo ID > /sys/bus/fwctl_sim/del_device
 * Each device gets a firmware model and a fwctl character device.
 */
#define pr_fmt(fmt) "fwctl_sim: " fmt
#include <linux/module.h>
#include <linux/slab.h>

#include "fwsim.h"

static void fwsim_dev_release(struct device *dev)
{
	struct fwsim_dev *sdev = to_fwsim_dev(to_simbus_dev(dev));

	fwsim_fw_fini(&sdev->fw);
	kfree(sdev);
}

static const struct device_type fwsim_dev_type = {
	.name = "fwctl_sim",
	.release = fwsim_dev_release,
};

static struct simbus_dev *fwsim_dev_alloc(u32 id)
{
	struct fwsim_dev *sdev;
	int ret;

	sdev = kzalloc(sizeof(*sdev), GFP_KERNEL);
	if (!sdev)
		return ERR_PTR(-ENOMEM);
	ret = fwsim_fw_init(&sdev->fw, id);
	if (ret) {
		kfree(sdev);
		return ERR_PTR(ret);
	}
	return &sdev->sb;
}

static int fwsim_dev_probe(struct simbus_dev *sb)
{
	struct fwsim_dev *sdev = to_fwsim_dev(sb);
	int ret;

	ret = fwsim_fwctl_probe(sdev);
	if (ret)
		return ret;
	fwsim_debugfs_dev_add(sdev);
	return 0;
}

static void fwsim_dev_remove(struct simbus_dev *sb)
{
	struct fwsim_dev *sdev = to_fwsim_dev(sb);

	fwsim_debugfs_dev_del(sdev);
	fwsim_fwctl_remove(sdev);
}

static struct simbus fwsim_bus = {
	.bus = {
		.name = "fwctl_sim",
		.dev_name = "fwctl_sim",
	},
	.driver.name = "fwctl_sim",
	.dev_type = &fwsim_dev_type,
	.alloc = fwsim_dev_alloc,
	.probe = fwsim_dev_probe,
	.remove = fwsim_dev_remove,
};

static int __init fwsim_init(void)
{
	int ret;

	fwsim_debugfs_init();
	ret = simbus_register(&fwsim_bus);
	if (ret)
		fwsim_debugfs_exit();
	return ret;
}

static void __exit fwsim_exit(void)
{
	simbus_unregister(&fwsim_bus);
	fwsim_debugfs_exit();
}

module_init(fwsim_init);
module_exit(fwsim_exit);
MODULE_DESCRIPTION("Simulated fwctl device with a firmware model (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_IMPORT_NS(FWCTL);
