/* SPDX-License-Identifier: GPL-2.0 */
/*
 * simbus: the bus that a simulated device module (fwctl_sim, mlx5_fwctl_sim)
 * registers so that userspace creates and removes its devices, as netdevsim
 * does:
 *   echo ID > /sys/bus/NAME/new_device
 *   echo ID > /sys/bus/NAME/del_device
 * Device N is named NAMEN, sits at /sys/devices/NAMEN, and is probed
 * synchronously, so new_device fails with the probe's error.
 *
 * simbus.c is compiled into each module that uses it (see their Kbuild).
 */
#ifndef __FWGATE_SIMBUS_H
#define __FWGATE_SIMBUS_H

#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>

struct simbus_dev {
	struct device dev;
	struct list_head list;	/* in simbus.devs, under simbus.lock */
	u32 id;
	int probe_err;		/* why the last probe failed, for new_device */
};

/**
 * struct simbus - one simulator's bus and driver
 * @bus: name and dev_name set by the user; simbus fills the rest
 * @driver: name (and suppress_bind_attrs if wanted) set by the user
 * @dev_type: the devices' type; its release frees what @alloc made
 * @alloc: allocates the structure that embeds a simbus_dev for @id, its
 *	model ready; returns it or an ERR_PTR
 * @probe: binds a device (creates its fwctl device)
 * @remove: unbinds it
 * @devs: the devices, under @lock
 * @lock: @devs and @enabled
 * @enabled: new_device and del_device work
 */
struct simbus {
	struct bus_type bus;
	struct device_driver driver;
	const struct device_type *dev_type;
	struct simbus_dev *(*alloc)(u32 id);
	int (*probe)(struct simbus_dev *sdev);
	void (*remove)(struct simbus_dev *sdev);
	struct list_head devs;
	struct mutex lock; /* @devs and @enabled */
	bool enabled;
};

static inline struct simbus_dev *to_simbus_dev(struct device *dev)
{
	return container_of(dev, struct simbus_dev, dev);
}

int simbus_register(struct simbus *sb);
void simbus_unregister(struct simbus *sb);

#endif /* __FWGATE_SIMBUS_H */
