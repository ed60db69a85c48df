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
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "../mlx5_fwctl.h"
#include "mlx5sim.h"

#define MLX5SIM_BUS_NAME	"mlx5_sim"
#define MLX5SIM_DRIVER_NAME	"mlx5_core"

static LIST_HEAD(mlx5sim_dev_list);
static DEFINE_MUTEX(mlx5sim_dev_list_lock); /* the list and enabled flag */
static bool mlx5sim_bus_enabled;

static struct bus_type mlx5sim_bus;

static const struct mlx5_fwctl_transport mlx5sim_tp = {
	.exec = mlx5sim_fw_exec,
	.uctx_cap = mlx5sim_fw_uctx_cap,
};

static void mlx5sim_dev_release(struct device *dev)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(dev);

	mlx5sim_fw_fini(&sdev->fw);
	kfree(sdev);
}

static const struct device_type mlx5sim_dev_type = {
	.name = "mlx5_sim",
	.release = mlx5sim_dev_release,
};

static struct mlx5sim_dev *mlx5sim_dev_find(u32 id)
{
	struct mlx5sim_dev *sdev;

	lockdep_assert_held(&mlx5sim_dev_list_lock);
	list_for_each_entry(sdev, &mlx5sim_dev_list, list)
		if (sdev->id == id)
			return sdev;
	return NULL;
}

static int mlx5sim_dev_new(u32 id)
{
	struct mlx5sim_dev *sdev;
	int ret;

	lockdep_assert_held(&mlx5sim_dev_list_lock);
	if (mlx5sim_dev_find(id))
		return -EEXIST;

	sdev = kzalloc(sizeof(*sdev), GFP_KERNEL);
	if (!sdev)
		return -ENOMEM;
	ret = mlx5sim_fw_init(&sdev->fw, id);
	if (ret) {
		kfree(sdev);
		return ret;
	}

	sdev->id = id;
	sdev->dev.bus = &mlx5sim_bus;
	sdev->dev.type = &mlx5sim_dev_type;
	device_initialize(&sdev->dev);
	ret = dev_set_name(&sdev->dev, MLX5SIM_BUS_NAME "%u", id);
	if (ret)
		goto err_put;
	/* The probe is synchronous; its error is kept, device_add()'s not. */
	ret = device_add(&sdev->dev);
	if (ret)
		goto err_put;
	if (!sdev->mcdev) {
		ret = sdev->probe_err ?: -ENODEV;
		goto err_del;
	}
	list_add_tail(&sdev->list, &mlx5sim_dev_list);
	return 0;

err_del:
	device_del(&sdev->dev);
err_put:
	put_device(&sdev->dev);
	return ret;
}

static void mlx5sim_dev_del(struct mlx5sim_dev *sdev)
{
	lockdep_assert_held(&mlx5sim_dev_list_lock);
	list_del(&sdev->list);
	device_unregister(&sdev->dev);
}

static int mlx5sim_dev_del_id(u32 id)
{
	struct mlx5sim_dev *sdev = mlx5sim_dev_find(id);

	if (!sdev)
		return -ENOENT;
	mlx5sim_dev_del(sdev);
	return 0;
}

static ssize_t mlx5sim_bus_store(const char *buf, size_t count,
				 int (*fn)(u32 id))
{
	u32 id;
	int ret;

	ret = kstrtou32(buf, 0, &id);
	if (ret)
		return ret;
	guard(mutex)(&mlx5sim_dev_list_lock);
	if (!mlx5sim_bus_enabled)
		return -EBUSY;
	ret = fn(id);
	return ret ? ret : count;
}

static ssize_t new_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return mlx5sim_bus_store(buf, count, mlx5sim_dev_new);
}
static BUS_ATTR_WO(new_device);

static ssize_t del_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return mlx5sim_bus_store(buf, count, mlx5sim_dev_del_id);
}
static BUS_ATTR_WO(del_device);

static struct attribute *mlx5sim_bus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL,
};
ATTRIBUTE_GROUPS(mlx5sim_bus);

static int mlx5sim_bus_probe(struct device *dev)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(dev);
	struct mlx5_fwctl_dev *mcdev;

	mcdev = mlx5_fwctl_add(dev, &mlx5sim_tp, &sdev->fw);
	if (IS_ERR(mcdev)) {
		sdev->probe_err = PTR_ERR(mcdev);
		return sdev->probe_err;
	}
	sdev->mcdev = mcdev;
	mlx5sim_debugfs_dev_add(sdev);
	return 0;
}

static void mlx5sim_bus_remove(struct device *dev)
{
	struct mlx5sim_dev *sdev = to_mlx5sim_dev(dev);

	mlx5sim_debugfs_dev_del(sdev);
	mlx5_fwctl_remove(sdev->mcdev);
	sdev->mcdev = NULL;
}

static struct bus_type mlx5sim_bus = {
	.name = MLX5SIM_BUS_NAME,
	.dev_name = MLX5SIM_BUS_NAME,
	.bus_groups = mlx5sim_bus_groups,
	.probe = mlx5sim_bus_probe,
	.remove = mlx5sim_bus_remove,
};

static struct device_driver mlx5sim_driver = {
	.name = MLX5SIM_DRIVER_NAME,
	.bus = &mlx5sim_bus,
	.owner = THIS_MODULE,
	/* no bind/unbind files: the function goes with del_device only */
	.suppress_bind_attrs = true,
};

static int __init mlx5sim_init(void)
{
	int ret;

	mlx5sim_debugfs_init();
	ret = bus_register(&mlx5sim_bus);
	if (ret)
		goto err_debugfs;
	ret = driver_register(&mlx5sim_driver);
	if (ret)
		goto err_bus;
	scoped_guard(mutex, &mlx5sim_dev_list_lock)
		mlx5sim_bus_enabled = true;
	return 0;

err_bus:
	bus_unregister(&mlx5sim_bus);
err_debugfs:
	mlx5sim_debugfs_exit();
	return ret;
}

static void __exit mlx5sim_exit(void)
{
	struct mlx5sim_dev *sdev, *tmp;

	scoped_guard(mutex, &mlx5sim_dev_list_lock) {
		mlx5sim_bus_enabled = false;
		list_for_each_entry_safe(sdev, tmp, &mlx5sim_dev_list, list)
			mlx5sim_dev_del(sdev);
	}
	driver_unregister(&mlx5sim_driver);
	bus_unregister(&mlx5sim_bus);
	mlx5sim_debugfs_exit();
}

module_init(mlx5sim_init);
module_exit(mlx5sim_exit);
MODULE_DESCRIPTION("Simulated ConnectX (mlx5) function for mlx5_fwctl (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_IMPORT_NS(MLX5_FWCTL);
