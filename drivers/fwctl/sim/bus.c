// SPDX-License-Identifier: GPL-2.0
/*
 * The fwctl_sim bus: userspace creates and destroys simulated devices with
 *   echo ID > /sys/bus/fwctl_sim/new_device
 *   echo ID > /sys/bus/fwctl_sim/del_device
 * Each device gets a firmware model and a fwctl character device.
 */
#define pr_fmt(fmt) "fwctl_sim: " fmt
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#include "fwsim.h"

static LIST_HEAD(fwsim_dev_list);
static DEFINE_MUTEX(fwsim_dev_list_lock);
static bool fwsim_bus_enabled;

static struct bus_type fwsim_bus;

static void fwsim_dev_release(struct device *dev)
{
	struct fwsim_dev *sdev = to_fwsim_dev(dev);

	fwsim_fw_fini(&sdev->fw);
	kfree(sdev);
}

static const struct device_type fwsim_dev_type = {
	.name = "fwctl_sim",
	.release = fwsim_dev_release,
};

static struct fwsim_dev *fwsim_dev_find(u32 id)
{
	struct fwsim_dev *sdev;

	lockdep_assert_held(&fwsim_dev_list_lock);
	list_for_each_entry(sdev, &fwsim_dev_list, list)
		if (sdev->id == id)
			return sdev;
	return NULL;
}

static int fwsim_dev_new(u32 id)
{
	struct fwsim_dev *sdev;
	int ret;

	lockdep_assert_held(&fwsim_dev_list_lock);
	if (fwsim_dev_find(id))
		return -EEXIST;

	sdev = kzalloc(sizeof(*sdev), GFP_KERNEL);
	if (!sdev)
		return -ENOMEM;
	ret = fwsim_fw_init(&sdev->fw, id);
	if (ret) {
		kfree(sdev);
		return ret;
	}

	sdev->id = id;
	sdev->dev.bus = &fwsim_bus;
	sdev->dev.type = &fwsim_dev_type;
	device_initialize(&sdev->dev);
	ret = dev_set_name(&sdev->dev, "fwctl_sim%u", id);
	if (ret)
		goto err_put;
	/*
	 * Probes synchronously: the fwctl device exists when this returns. A
	 * failed probe does not fail device_add(), so its error is kept.
	 */
	ret = device_add(&sdev->dev);
	if (ret)
		goto err_put;
	if (!sdev->fwctl) {
		ret = sdev->probe_err ?: -ENODEV;
		goto err_del;
	}

	list_add_tail(&sdev->list, &fwsim_dev_list);
	return 0;

err_del:
	device_del(&sdev->dev);
err_put:
	put_device(&sdev->dev);
	return ret;
}

static void fwsim_dev_del(struct fwsim_dev *sdev)
{
	lockdep_assert_held(&fwsim_dev_list_lock);
	list_del(&sdev->list);
	device_unregister(&sdev->dev);
}

static int fwsim_dev_del_id(u32 id)
{
	struct fwsim_dev *sdev = fwsim_dev_find(id);

	if (!sdev)
		return -ENOENT;
	fwsim_dev_del(sdev);
	return 0;
}

/* Parse the id written to a bus file and apply @fn under the list lock. */
static ssize_t fwsim_bus_store(const char *buf, size_t count,
			       int (*fn)(u32 id))
{
	u32 id;
	int ret;

	ret = kstrtou32(buf, 0, &id);
	if (ret)
		return ret;

	guard(mutex)(&fwsim_dev_list_lock);
	if (!fwsim_bus_enabled)
		return -EBUSY;
	ret = fn(id);
	return ret ? ret : count;
}

static ssize_t new_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return fwsim_bus_store(buf, count, fwsim_dev_new);
}
static BUS_ATTR_WO(new_device);

static ssize_t del_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return fwsim_bus_store(buf, count, fwsim_dev_del_id);
}
static BUS_ATTR_WO(del_device);

static struct attribute *fwsim_bus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL,
};
ATTRIBUTE_GROUPS(fwsim_bus);

static int fwsim_bus_probe(struct device *dev)
{
	struct fwsim_dev *sdev = to_fwsim_dev(dev);
	int ret;

	ret = fwsim_fwctl_probe(sdev);
	if (ret) {
		sdev->probe_err = ret;
		return ret;
	}
	fwsim_debugfs_dev_add(sdev);
	return 0;
}

static void fwsim_bus_remove(struct device *dev)
{
	struct fwsim_dev *sdev = to_fwsim_dev(dev);

	fwsim_debugfs_dev_del(sdev);
	fwsim_fwctl_remove(sdev);
}

static struct bus_type fwsim_bus = {
	.name = "fwctl_sim",
	.dev_name = "fwctl_sim",
	.bus_groups = fwsim_bus_groups,
	.probe = fwsim_bus_probe,
	.remove = fwsim_bus_remove,
};

static struct device_driver fwsim_driver = {
	.name = "fwctl_sim",
	.bus = &fwsim_bus,
	.owner = THIS_MODULE,
};

static int __init fwsim_init(void)
{
	int ret;

	fwsim_debugfs_init();
	ret = bus_register(&fwsim_bus);
	if (ret)
		goto err_debugfs;
	ret = driver_register(&fwsim_driver);
	if (ret)
		goto err_bus;

	scoped_guard(mutex, &fwsim_dev_list_lock)
		fwsim_bus_enabled = true;
	return 0;

err_bus:
	bus_unregister(&fwsim_bus);
err_debugfs:
	fwsim_debugfs_exit();
	return ret;
}

static void __exit fwsim_exit(void)
{
	struct fwsim_dev *sdev, *tmp;

	scoped_guard(mutex, &fwsim_dev_list_lock) {
		fwsim_bus_enabled = false;
		list_for_each_entry_safe(sdev, tmp, &fwsim_dev_list, list)
			fwsim_dev_del(sdev);
	}
	driver_unregister(&fwsim_driver);
	bus_unregister(&fwsim_bus);
	fwsim_debugfs_exit();
}

module_init(fwsim_init);
module_exit(fwsim_exit);
MODULE_DESCRIPTION("Simulated fwctl device with a firmware model (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
MODULE_IMPORT_NS(FWCTL);
