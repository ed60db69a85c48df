// SPDX-License-Identifier: GPL-2.0
/*
 * The stock mlx5_core transport. Kernels before 6.15 create no ".fwctl"
 * auxiliary device, so this file finds the PCI functions bound to the
 * running kernel's mlx5_core itself: those bound when the module loads, and
 * later ones through a PCI bus notifier. Each gets a fwctl device whose
 * parent is the PCI function, as upstream; it is unregistered (every open
 * file's uid destroyed) on BUS_NOTIFY_UNBIND_DRIVER, which the driver core
 * sends before mlx5_core's remove() runs.
 *
 * Facts checked against Debian's linux-source-6.1: mlx5_core's probe sets
 * the PCI drvdata to its struct mlx5_core_dev (mlx5_pci_init()) before
 * it initialises the function, BUS_NOTIFY_BOUND_DRIVER follows a successful
 * probe, and mlx5_cmd_do() copies the request before it writes the response
 * and returns -EREMOTEIO for a firmware status.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mlx5/driver.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "mlx5_fwctl.h"
#include "mlx5_fwctl_core.h"

#define MLX5_FWCTL_CORE_DRIVER "mlx5_core"

struct mlx5_fwctl_core_fn {
	struct list_head node;
	struct pci_dev *pdev;
	struct mlx5_core_dev *mdev;
	struct mlx5_fwctl_dev *mcdev;
};

static struct device_driver *mlx5_fwctl_core_drv;
static LIST_HEAD(mlx5_fwctl_core_fns);
static DEFINE_MUTEX(mlx5_fwctl_core_lock); /* the list above */

static int mlx5_fwctl_core_exec(void *priv, void *in, int in_len, void *out,
				int out_len)
{
	return mlx5_cmd_do(priv, in, in_len, out, out_len);
}

static u32 mlx5_fwctl_core_uctx_cap(void *priv)
{
	struct mlx5_core_dev *mdev = priv;

	return MLX5_CAP_GEN(mdev, uctx_cap);
}

static const struct mlx5_fwctl_transport mlx5_fwctl_core_tp = {
	.exec = mlx5_fwctl_core_exec,
	.uctx_cap = mlx5_fwctl_core_uctx_cap,
};

static struct mlx5_fwctl_core_fn *mlx5_fwctl_core_find(struct pci_dev *pdev)
{
	struct mlx5_fwctl_core_fn *fn;

	lockdep_assert_held(&mlx5_fwctl_core_lock);
	list_for_each_entry(fn, &mlx5_fwctl_core_fns, node)
		if (fn->pdev == pdev)
			return fn;
	return NULL;
}

/* Called with the device lock held and mlx5_core bound to @dev. */
static void mlx5_fwctl_core_attach(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct mlx5_fwctl_core_fn *fn;
	struct mlx5_fwctl_dev *mcdev;

	guard(mutex)(&mlx5_fwctl_core_lock);
	if (mlx5_fwctl_core_find(pdev))
		return;

	fn = kzalloc(sizeof(*fn), GFP_KERNEL);
	if (!fn)
		return;
	fn->pdev = pdev;
	fn->mdev = pci_get_drvdata(pdev);
	mcdev = mlx5_fwctl_add(dev, &mlx5_fwctl_core_tp, fn->mdev);
	if (IS_ERR(mcdev)) {
		dev_warn(dev, "no fwctl device for this function: %pe\n",
			 mcdev);
		kfree(fn);
		return;
	}
	fn->mcdev = mcdev;
	list_add_tail(&fn->node, &mlx5_fwctl_core_fns);
}

static void mlx5_fwctl_core_detach_fn(struct mlx5_fwctl_core_fn *fn)
{
	lockdep_assert_held(&mlx5_fwctl_core_lock);
	list_del(&fn->node);
	mlx5_fwctl_remove(fn->mcdev);
	kfree(fn);
}

static void mlx5_fwctl_core_detach(struct device *dev)
{
	struct mlx5_fwctl_core_fn *fn;

	guard(mutex)(&mlx5_fwctl_core_lock);
	fn = mlx5_fwctl_core_find(to_pci_dev(dev));
	if (fn)
		mlx5_fwctl_core_detach_fn(fn);
}

static int mlx5_fwctl_core_notify(struct notifier_block *nb,
				  unsigned long action, void *data)
{
	struct device *dev = data;

	if (dev->driver != mlx5_fwctl_core_drv)
		return NOTIFY_DONE;

	switch (action) {
	case BUS_NOTIFY_BOUND_DRIVER:
		mlx5_fwctl_core_attach(dev);
		break;
	case BUS_NOTIFY_UNBIND_DRIVER:
		mlx5_fwctl_core_detach(dev);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block mlx5_fwctl_core_nb = {
	.notifier_call = mlx5_fwctl_core_notify,
};

static int mlx5_fwctl_core_scan_one(struct device *dev, void *unused)
{
	device_lock(dev);
	if (dev->driver == mlx5_fwctl_core_drv)
		mlx5_fwctl_core_attach(dev);
	device_unlock(dev);
	return 0;
}

/**
 * mlx5_fwctl_core_init - serve every function mlx5_core drives
 *
 * Return: 0, or a negative errno if the PCI notifier cannot be registered.
 * Finding no mlx5_core function is not an error.
 */
int mlx5_fwctl_core_init(void)
{
	int ret;

	/*
	 * This module links against mlx5_core, so the driver is registered
	 * and cannot go away before this module does.
	 */
	mlx5_fwctl_core_drv = driver_find(MLX5_FWCTL_CORE_DRIVER,
					  &pci_bus_type);
	if (!mlx5_fwctl_core_drv) {
		pr_info("no PCI driver %s registered; stock functions not served\n",
			MLX5_FWCTL_CORE_DRIVER);
		return 0;
	}

	/* Notifier first, then the scan: a bind in between is seen twice. */
	ret = bus_register_notifier(&pci_bus_type, &mlx5_fwctl_core_nb);
	if (ret)
		return ret;
	ret = driver_for_each_device(mlx5_fwctl_core_drv, NULL, NULL,
				     mlx5_fwctl_core_scan_one);
	if (ret) {
		mlx5_fwctl_core_exit();
		return ret;
	}
	return 0;
}

/**
 * mlx5_fwctl_core_exit - unregister every stock function's fwctl device
 */
void mlx5_fwctl_core_exit(void)
{
	struct mlx5_fwctl_core_fn *fn, *tmp;

	if (!mlx5_fwctl_core_drv)
		return;
	bus_unregister_notifier(&pci_bus_type, &mlx5_fwctl_core_nb);
	guard(mutex)(&mlx5_fwctl_core_lock);
	list_for_each_entry_safe(fn, tmp, &mlx5_fwctl_core_fns, node)
		mlx5_fwctl_core_detach_fn(fn);
}
