// SPDX-License-Identifier: GPL-2.0
/*
 * simbus: create and remove simulated devices from sysfs (see simbus.h).
 */
#include <linux/kstrtox.h>
#include <linux/module.h>

#include "simbus.h"

static struct simbus *to_simbus(struct bus_type *bus)
{
	return container_of(bus, struct simbus, bus);
}

static struct simbus_dev *simbus_find(struct simbus *sb, u32 id)
{
	struct simbus_dev *sdev;

	lockdep_assert_held(&sb->lock);
	list_for_each_entry(sdev, &sb->devs, list)
		if (sdev->id == id)
			return sdev;
	return NULL;
}

static int simbus_new(struct simbus *sb, u32 id)
{
	struct simbus_dev *sdev;
	int ret;

	lockdep_assert_held(&sb->lock);
	if (simbus_find(sb, id))
		return -EEXIST;
	sdev = sb->alloc(id);
	if (IS_ERR(sdev))
		return PTR_ERR(sdev);

	sdev->id = id;
	sdev->dev.bus = &sb->bus;
	sdev->dev.type = sb->dev_type;
	device_initialize(&sdev->dev);
	ret = dev_set_name(&sdev->dev, "%s%u", sb->bus.dev_name, id);
	if (ret)
		goto err_put;
	/* The probe is synchronous; device_add() does not fail with it. */
	ret = device_add(&sdev->dev);
	if (ret)
		goto err_put;
	if (!sdev->dev.driver) {
		ret = sdev->probe_err ?: -ENODEV;
		goto err_del;
	}
	list_add_tail(&sdev->list, &sb->devs);
	return 0;

err_del:
	device_del(&sdev->dev);
err_put:
	put_device(&sdev->dev);
	return ret;
}

static void simbus_del(struct simbus *sb, struct simbus_dev *sdev)
{
	lockdep_assert_held(&sb->lock);
	list_del(&sdev->list);
	device_unregister(&sdev->dev);
}

static int simbus_del_id(struct simbus *sb, u32 id)
{
	struct simbus_dev *sdev = simbus_find(sb, id);

	if (!sdev)
		return -ENOENT;
	simbus_del(sb, sdev);
	return 0;
}

/* Parse the id written to a bus file and apply @fn under the lock. */
static ssize_t simbus_store(struct bus_type *bus, const char *buf,
			    size_t count, int (*fn)(struct simbus *sb, u32 id))
{
	struct simbus *sb = to_simbus(bus);
	u32 id;
	int ret;

	ret = kstrtou32(buf, 0, &id);
	if (ret)
		return ret;
	guard(mutex)(&sb->lock);
	if (!sb->enabled)
		return -EBUSY;
	ret = fn(sb, id);
	return ret ? ret : count;
}

static ssize_t new_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return simbus_store(bus, buf, count, simbus_new);
}
static BUS_ATTR_WO(new_device);

static ssize_t del_device_store(struct bus_type *bus, const char *buf,
				size_t count)
{
	return simbus_store(bus, buf, count, simbus_del_id);
}
static BUS_ATTR_WO(del_device);

static struct attribute *simbus_attrs[] = {
	&bus_attr_new_device.attr,
	&bus_attr_del_device.attr,
	NULL,
};
ATTRIBUTE_GROUPS(simbus);

static int simbus_probe(struct device *dev)
{
	struct simbus_dev *sdev = to_simbus_dev(dev);
	struct simbus *sb = to_simbus(dev->bus);

	sdev->probe_err = sb->probe(sdev);
	return sdev->probe_err;
}

static void simbus_remove(struct device *dev)
{
	to_simbus(dev->bus)->remove(to_simbus_dev(dev));
}

/**
 * simbus_register - register a simulator's bus and its driver
 * @sb: the bus, with bus.name, bus.dev_name, driver.name, dev_type, alloc,
 *	probe and remove set
 *
 * Return: 0, or the errno of bus or driver registration.
 */
int simbus_register(struct simbus *sb)
{
	int ret;

	INIT_LIST_HEAD(&sb->devs);
	mutex_init(&sb->lock);
	sb->bus.bus_groups = simbus_groups;
	sb->bus.probe = simbus_probe;
	sb->bus.remove = simbus_remove;
	sb->driver.bus = &sb->bus;
	sb->driver.owner = THIS_MODULE;
	ret = bus_register(&sb->bus);
	if (ret)
		return ret;
	ret = driver_register(&sb->driver);
	if (ret) {
		bus_unregister(&sb->bus);
		return ret;
	}
	scoped_guard(mutex, &sb->lock)
		sb->enabled = true;
	return 0;
}

/**
 * simbus_unregister - remove every device, then the driver and the bus
 * @sb: a bus simbus_register() registered
 */
void simbus_unregister(struct simbus *sb)
{
	struct simbus_dev *sdev, *tmp;

	scoped_guard(mutex, &sb->lock) {
		sb->enabled = false;
		list_for_each_entry_safe(sdev, tmp, &sb->devs, list)
			simbus_del(sb, sdev);
	}
	driver_unregister(&sb->driver);
	bus_unregister(&sb->bus);
	mutex_destroy(&sb->lock);
}
