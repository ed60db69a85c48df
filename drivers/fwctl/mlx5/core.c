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
 * A function can also lose its firmware state while it stays bound:
 * devlink reload, health recovery, firmware reset, PCI error recovery and
 * system suspend all unload and reload it, and the firmware forgets every
 * user context. Upstream's fwctl device is one of mlx5_core's auxiliary
 * devices, so it goes and comes back with the others. Here the same
 * moments are followed from outside:
 *  - mlx5_core deletes its auxiliary devices (mlx5_core.eth.N, ...) when it
 *    unloads a function and adds them back when it has loaded it again;
 *    the auxiliary bus is learnt from those children and watched;
 *  - MLX5_DEV_EVENT_SYS_ERROR (mlx5_notifier_register()) reports a firmware
 *    or PCI error before any reload;
 *  - a PM notifier covers suspend, where mlx5e may keep its devices.
 * Going down unregisters the fwctl device (open files get ENODEV, so no
 * file keeps a uid the firmware may hand to someone else); coming back
 * registers a new one.
 *
 * Facts checked against Debian's linux-source-6.1: mlx5_core's probe sets
 * the PCI drvdata to its struct mlx5_core_dev (mlx5_pci_init()) before
 * it initialises the function, BUS_NOTIFY_BOUND_DRIVER follows a successful
 * probe, mlx5_cmd_do() copies the request before it writes the response
 * and returns -EREMOTEIO for a firmware status, mlx5_detach_device() deletes
 * the auxiliary devices (unless their driver suspends them) before the
 * firmware is torn down, mlx5_attach_device()/mlx5_register_device() add
 * them once it is up, and enter_error_state() raises SYS_ERROR.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mlx5/driver.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/suspend.h>
#include <linux/workqueue.h>

#include "mlx5_fwctl.h"
#include "mlx5_fwctl_core.h"

#define MLX5_FWCTL_CORE_DRIVER "mlx5_core"
#define MLX5_FWCTL_CORE_ADEV_PREFIX "mlx5_core."

struct mlx5_fwctl_core_fn {
	struct list_head node;
	struct pci_dev *pdev;
	struct mlx5_core_dev *mdev;
	struct mutex lock;		/* @mcdev */
	struct mlx5_fwctl_dev *mcdev;	/* NULL while the function is down */
	struct notifier_block fw_nb;	/* MLX5_DEV_EVENT_SYS_ERROR */
	struct work_struct down_work;	/* SYS_ERROR comes in atomic context */
};

static struct device_driver *mlx5_fwctl_core_drv;
/* const from 6.4 on: take whatever type struct device uses */
static typeof_member(struct device, bus) mlx5_fwctl_core_aux_bus;
static LIST_HEAD(mlx5_fwctl_core_fns);
static DEFINE_MUTEX(mlx5_fwctl_core_lock); /* the list and the aux bus */

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

static void mlx5_fwctl_core_fn_up(struct mlx5_fwctl_core_fn *fn)
{
	struct mlx5_fwctl_dev *mcdev;

	guard(mutex)(&fn->lock);
	if (fn->mcdev)
		return;
	mcdev = mlx5_fwctl_add(&fn->pdev->dev, &mlx5_fwctl_core_tp, fn->mdev);
	if (IS_ERR(mcdev)) {
		dev_warn(&fn->pdev->dev, "no fwctl device for this function: %pe\n",
			 mcdev);
		return;
	}
	fn->mcdev = mcdev;
}

static void mlx5_fwctl_core_fn_down(struct mlx5_fwctl_core_fn *fn,
				    const char *why)
{
	guard(mutex)(&fn->lock);
	if (!fn->mcdev)
		return;
	dev_info(&fn->pdev->dev, "%s: fwctl device removed until the function is back\n",
		 why);
	mlx5_fwctl_remove(fn->mcdev);
	fn->mcdev = NULL;
}

static void mlx5_fwctl_core_down_work(struct work_struct *work)
{
	struct mlx5_fwctl_core_fn *fn =
		container_of(work, struct mlx5_fwctl_core_fn, down_work);

	mlx5_fwctl_core_fn_down(fn, "firmware or PCI error");
}

static int mlx5_fwctl_core_fw_event(struct notifier_block *nb,
				    unsigned long event, void *data)
{
	struct mlx5_fwctl_core_fn *fn =
		container_of(nb, struct mlx5_fwctl_core_fn, fw_nb);

	if (event == MLX5_DEV_EVENT_SYS_ERROR)
		schedule_work(&fn->down_work);
	return NOTIFY_DONE;
}

static struct mlx5_fwctl_core_fn *mlx5_fwctl_core_find(struct pci_dev *pdev)
{
	struct mlx5_fwctl_core_fn *fn;

	lockdep_assert_held(&mlx5_fwctl_core_lock);
	list_for_each_entry(fn, &mlx5_fwctl_core_fns, node)
		if (fn->pdev == pdev)
			return fn;
	return NULL;
}

struct mlx5_fwctl_core_aux_find {
	typeof_member(struct device, bus) bus;
};

static int mlx5_fwctl_core_aux_child(struct device *child, void *data)
{
	struct mlx5_fwctl_core_aux_find *find = data;

	if (strncmp(dev_name(child), MLX5_FWCTL_CORE_ADEV_PREFIX,
		    strlen(MLX5_FWCTL_CORE_ADEV_PREFIX)) || !child->bus)
		return 0;
	find->bus = child->bus;
	return 1;
}

static struct notifier_block mlx5_fwctl_core_aux_nb;

/* The auxiliary bus is not exported: learn it from mlx5_core's devices. */
static void mlx5_fwctl_core_watch_aux(struct pci_dev *pdev)
{
	struct mlx5_fwctl_core_aux_find find = {};

	lockdep_assert_held(&mlx5_fwctl_core_lock);
	if (mlx5_fwctl_core_aux_bus ||
	    !device_for_each_child(&pdev->dev, &find, mlx5_fwctl_core_aux_child))
		return;
	if (bus_register_notifier(find.bus, &mlx5_fwctl_core_aux_nb))
		return;
	mlx5_fwctl_core_aux_bus = find.bus;
}

/* Called with the device lock held and mlx5_core bound to @dev. */
static void mlx5_fwctl_core_attach(struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);
	struct mlx5_fwctl_core_fn *fn;

	guard(mutex)(&mlx5_fwctl_core_lock);
	if (mlx5_fwctl_core_find(pdev))
		return;

	fn = kzalloc(sizeof(*fn), GFP_KERNEL);
	if (!fn)
		return;
	fn->pdev = pdev;
	fn->mdev = pci_get_drvdata(pdev);
	mutex_init(&fn->lock);
	INIT_WORK(&fn->down_work, mlx5_fwctl_core_down_work);
	fn->fw_nb.notifier_call = mlx5_fwctl_core_fw_event;
	mlx5_fwctl_core_fn_up(fn);
	if (!fn->mcdev) {
		mutex_destroy(&fn->lock);
		kfree(fn);
		return;
	}
	mlx5_notifier_register(fn->mdev, &fn->fw_nb);
	mlx5_fwctl_core_watch_aux(pdev);
	list_add_tail(&fn->node, &mlx5_fwctl_core_fns);
}

static void mlx5_fwctl_core_detach_fn(struct mlx5_fwctl_core_fn *fn)
{
	lockdep_assert_held(&mlx5_fwctl_core_lock);
	list_del(&fn->node);
	mlx5_notifier_unregister(fn->mdev, &fn->fw_nb);
	/* the work takes fn->lock only, never the list lock */
	cancel_work_sync(&fn->down_work);
	mlx5_fwctl_core_fn_down(fn, "unbound");
	mutex_destroy(&fn->lock);
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

/* mlx5_core's auxiliary devices of a function we serve come and go. */
static int mlx5_fwctl_core_aux_notify(struct notifier_block *nb,
				      unsigned long action, void *data)
{
	struct device *adev = data;
	struct mlx5_fwctl_core_fn *fn;

	if (action != BUS_NOTIFY_ADD_DEVICE && action != BUS_NOTIFY_DEL_DEVICE)
		return NOTIFY_DONE;
	if (!adev->parent || !dev_is_pci(adev->parent) ||
	    strncmp(dev_name(adev), MLX5_FWCTL_CORE_ADEV_PREFIX,
		    strlen(MLX5_FWCTL_CORE_ADEV_PREFIX)))
		return NOTIFY_DONE;

	guard(mutex)(&mlx5_fwctl_core_lock);
	fn = mlx5_fwctl_core_find(to_pci_dev(adev->parent));
	if (!fn)
		return NOTIFY_DONE;
	if (action == BUS_NOTIFY_DEL_DEVICE)
		mlx5_fwctl_core_fn_down(fn, "mlx5_core unloads the function");
	else
		mlx5_fwctl_core_fn_up(fn);
	return NOTIFY_DONE;
}

static struct notifier_block mlx5_fwctl_core_aux_nb = {
	.notifier_call = mlx5_fwctl_core_aux_notify,
};

static int mlx5_fwctl_core_pm_notify(struct notifier_block *nb,
				     unsigned long action, void *data)
{
	struct mlx5_fwctl_core_fn *fn;

	guard(mutex)(&mlx5_fwctl_core_lock);
	list_for_each_entry(fn, &mlx5_fwctl_core_fns, node) {
		switch (action) {
		case PM_SUSPEND_PREPARE:
		case PM_HIBERNATION_PREPARE:
			mlx5_fwctl_core_fn_down(fn, "system suspend");
			break;
		case PM_POST_SUSPEND:
		case PM_POST_HIBERNATION:
		case PM_POST_RESTORE:
			mlx5_fwctl_core_fn_up(fn);
			break;
		}
	}
	return NOTIFY_DONE;
}

static struct notifier_block mlx5_fwctl_core_pm_nb = {
	.notifier_call = mlx5_fwctl_core_pm_notify,
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
 * Return: 0, or a negative errno if a notifier cannot be registered.
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

	ret = register_pm_notifier(&mlx5_fwctl_core_pm_nb);
	if (ret)
		return ret;
	/* Notifier first, then the scan: a bind in between is seen twice. */
	ret = bus_register_notifier(&pci_bus_type, &mlx5_fwctl_core_nb);
	if (ret) {
		unregister_pm_notifier(&mlx5_fwctl_core_pm_nb);
		return ret;
	}
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
	/*
	 * No attach can run once the PCI notifier is gone, so the aux bus is
	 * stable; its notifier is removed without the list lock, which its
	 * callback takes.
	 */
	bus_unregister_notifier(&pci_bus_type, &mlx5_fwctl_core_nb);
	unregister_pm_notifier(&mlx5_fwctl_core_pm_nb);
	if (mlx5_fwctl_core_aux_bus)
		bus_unregister_notifier(mlx5_fwctl_core_aux_bus,
					&mlx5_fwctl_core_aux_nb);
	mlx5_fwctl_core_aux_bus = NULL;
	guard(mutex)(&mlx5_fwctl_core_lock);
	list_for_each_entry_safe(fn, tmp, &mlx5_fwctl_core_fns, node)
		mlx5_fwctl_core_detach_fn(fn);
}
