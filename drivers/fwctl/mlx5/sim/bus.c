// SPDX-License-Identifier: GPL-2.0
/*
 * The mlx5_sim bus: userspace creates and removes simulated ConnectX
 * functions with
 *   echo ID > /sys/bus/mlx5_sim/new_device
 *   echo ID > /sys/bus/mlx5_sim/del_device
 * and each one gets an mlx5 fwctl device whose parent it is.
 *
 * Tools recognise an mlx5 fwctl device by sysfs alone: the target of
 * /sys/class/fwctl/fwctlN/device/driver must contain "drivers/mlx5_core"
 * and the parent must live under /sys/devices/. So the bus's driver is
 * named "mlx5_core": driver names are per bus, and the stock PCI driver of
 * that name (/sys/bus/pci/drivers/mlx5_core) is untouched, while ours is
 * /sys/bus/mlx5_sim/drivers/mlx5_core. The devices have no parent, so they
 * sit at /sys/devices/mlx5_simN, as netdevsim's do.
 */
#define pr_fmt(fmt) "mlx5_fwctl_sim: " fmt
#include <linux/module.h>
#include <linux/slab.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

static const struct mlx5_fwctl_transport mlx5sim_tp = {
	.exec = mlx5sim_fw_exec,
	.uctx_cap = mlx5sim_fw_uctx_cap,
};

static void mlx5sim_dev_release(struct device *dev)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(to_simbus_dev(dev));

	mlx5sim_fw_fini(&sdev->fw);
	kfree(sdev);
}

static const struct device_type mlx5sim_dev_type = {
	.name = "mlx5_sim",
	.release = mlx5sim_dev_release,
};

static struct simbus_dev *mlx5sim_dev_alloc(u32 id)
{
	struct mlx5sim_dev *sdev;
	int ret;

	sdev = kzalloc(sizeof(*sdev), GFP_KERNEL);
	if (!sdev)
		return ERR_PTR(-ENOMEM);
	ret = mlx5sim_fw_init(&sdev->fw, id);
	if (ret) {
		kfree(sdev);
		return ERR_PTR(ret);
	}
	return &sdev->sb;
}

static int mlx5sim_dev_probe(struct simbus_dev *sb)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(sb);
	struct mlx5_fwctl_dev *mcdev;

	mcdev = mlx5_fwctl_add(&sb->dev, &mlx5sim_tp, &sdev->fw);
	if (IS_ERR(mcdev))
		return PTR_ERR(mcdev);
	sdev->mcdev = mcdev;
	mlx5sim_debugfs_dev_add(sdev);
	return 0;
}

static void mlx5sim_dev_remove(struct simbus_dev *sb)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(sb);

	mlx5sim_debugfs_dev_del(sdev);
	mlx5_fwctl_remove(sdev->mcdev);
	sdev->mcdev = NULL;
}

static struct simbus mlx5sim_bus = {
	.bus = {
		.name = "mlx5_sim",
		.dev_name = "mlx5_sim",
	},
	.driver = {
		.name = "mlx5_core",
		/* no bind/unbind files: the function goes with del_device only */
		.suppress_bind_attrs = true,
	},
	.dev_type = &mlx5sim_dev_type,
	.alloc = mlx5sim_dev_alloc,
	.probe = mlx5sim_dev_probe,
	.remove = mlx5sim_dev_remove,
};

static int __init mlx5sim_init(void)
{
	int ret;

	mlx5sim_debugfs_init();
	ret = simbus_register(&mlx5sim_bus);
	if (ret)
		mlx5sim_debugfs_exit();
	return ret;
}

static void __exit mlx5sim_exit(void)
{
	simbus_unregister(&mlx5sim_bus);
	mlx5sim_debugfs_exit();
}

module_init(mlx5sim_init);
module_exit(mlx5sim_exit);
MODULE_DESCRIPTION("Simulated ConnectX (mlx5) function for mlx5_fwctl (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_IMPORT_NS(MLX5_FWCTL);
