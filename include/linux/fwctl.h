/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fwctl in-kernel driver API.
 *
 * The names and semantics follow upstream Linux (6.15+) so that a driver
 * written for the in-tree fwctl builds against fwgate's fwctl.ko unchanged.
 */
#ifndef __LINUX_FWCTL_H
#define __LINUX_FWCTL_H

#include <linux/cdev.h>
#include <linux/cleanup.h>
#include <linux/container_of.h>
#include <linux/device.h>
#include <linux/rwsem.h>
#include <uapi/fwctl/fwctl.h>

struct fwctl_device;
struct fwctl_uctx;

/**
 * struct fwctl_ops - what a fwctl driver provides
 * @device_type: the enum fwctl_device_type FWCTL_INFO reports
 * @uctx_size: bytes to allocate per open file; the driver's struct embeds
 *	struct fwctl_uctx as its first member
 * @open_uctx: called on open() before the context is used; a non-zero
 *	return fails the open() with that error
 * @close_uctx: called exactly once per successful open_uctx, at close() or
 *	from fwctl_unregister(), whichever comes first; the driver frees every
 *	firmware resource the context created
 * @info: optional; returns a kmalloc'd blob of device data for FWCTL_INFO
 *	and sets *length; the core copies and frees it
 * @fw_rpc: runs one RPC. On entry *out_len is the caller's capacity. Returns
 *	the response, either @rpc_in itself or a kvmalloc'd buffer the core
 *	kvfree()s, with *out_len set to its length, or an ERR_PTR if the RPC was
 *	not delivered
 */
struct fwctl_ops {
	enum fwctl_device_type device_type;
	size_t uctx_size;
	int (*open_uctx)(struct fwctl_uctx *uctx);
	void (*close_uctx)(struct fwctl_uctx *uctx);
	void *(*info)(struct fwctl_uctx *uctx, size_t *length);
	void *(*fw_rpc)(struct fwctl_uctx *uctx, enum fwctl_rpc_scope scope,
			void *rpc_in, size_t in_len, size_t *out_len);
};

/**
 * struct fwctl_device - one fwctl character device
 * @dev: the class device, parent of nothing, child of the driver's device
 * @cdev: the character device behind /dev/fwctl/fwctlN
 * @registration_lock: held shared by every file operation while it uses
 *	@ops, held exclusive by fwctl_unregister() while it detaches the driver
 * @uctx_list_lock: protects @uctx_list
 * @uctx_list: the contexts of the open files
 * @ops: the driver's operations; NULL once unregistered
 *
 * The driver's own struct embeds this as its first member and is allocated
 * with fwctl_alloc_device(). The core frees it when the last reference goes,
 * which may be long after the driver has unregistered and unloaded.
 */
struct fwctl_device {
	struct device dev;
	/* private: */
	struct cdev cdev;
	struct rw_semaphore registration_lock;
	struct mutex uctx_list_lock; /* protects uctx_list */
	struct list_head uctx_list;
	const struct fwctl_ops *ops;
};

struct fwctl_device *_fwctl_alloc_device(struct device *parent,
					 const struct fwctl_ops *ops,
					 size_t size);

/**
 * fwctl_alloc_device - allocate a driver struct that embeds a fwctl_device
 * @parent: the physical device fwctl talks to the firmware of
 * @ops: driver operations, must outlive the registration
 * @type: the driver's struct type
 * @member: the name of the struct fwctl_device member, which must be first
 *
 * Return: the driver struct, zeroed apart from the embedded fwctl_device,
 * or NULL. Release it with fwctl_put().
 */
#define fwctl_alloc_device(parent, ops, type, member)			\
	({								\
		static_assert(__same_type(struct fwctl_device,		\
					  typeof_member(type, member)) && \
			      offsetof(type, member) == 0);		\
		(type *)_fwctl_alloc_device(parent, ops, sizeof(type));	\
	})

static inline struct fwctl_device *fwctl_get(struct fwctl_device *fwctl)
{
	get_device(&fwctl->dev);
	return fwctl;
}

static inline void fwctl_put(struct fwctl_device *fwctl)
{
	put_device(&fwctl->dev);
}

DEFINE_FREE(fwctl, struct fwctl_device *, _T ? fwctl_put(_T) : (void)0)

int fwctl_register(struct fwctl_device *fwctl);
void fwctl_unregister(struct fwctl_device *fwctl);

/**
 * struct fwctl_uctx - per open file context
 * @fwctl: the device this file was opened on
 *
 * Drivers embed this as the first member of their context struct and size
 * it with fwctl_ops.uctx_size.
 */
struct fwctl_uctx {
	struct fwctl_device *fwctl;
	/* private: */
	struct list_head uctx_list_entry;
};

#endif
