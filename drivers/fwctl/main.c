// SPDX-License-Identifier: GPL-2.0
/*
 * fwctl core: character devices that carry scoped RPCs to device firmware.
 *
 * The core owns the lifetime of every fwctl_device and fwctl_uctx, so that
 * a driver can unregister and unload while files stay open: those files then
 * answer ENODEV and their memory goes with the last close().
 */
#define pr_fmt(fmt) "fwctl: " fmt
#include <linux/fwctl.h>

#include <linux/capability.h>
#include <linux/container_of.h>
#include <linux/fs.h>
#include <linux/idr.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include "compat.h"
#include "trace.h"

enum {
	FWCTL_MAX_DEVICES = 4096,
	FWCTL_MAX_RPC_LEN = SZ_2M,
};

static_assert(FWCTL_MAX_DEVICES < (1U << MINORBITS));

static dev_t fwctl_devt;
static DEFINE_IDA(fwctl_ida);

static unsigned int fwctl_tainted;
module_param_named(tainted, fwctl_tainted, uint, 0444);
MODULE_PARM_DESC(tainted, "1 once a debug write RPC has tainted the kernel");

DEFINE_FREE(fwctl_kvfree, void *, IS_ERR_OR_NULL(_T) ? (void)0 : kvfree(_T))

/* One ioctl call in flight: the caller's struct, copied in and out. */
struct fwctl_ucmd {
	struct fwctl_uctx *uctx;
	void __user *ubuffer;
	void *cmd;
	u32 user_size;
};

static int fwctl_ucmd_respond(struct fwctl_ucmd *ucmd, size_t cmd_len)
{
	if (copy_to_user(ucmd->ubuffer, ucmd->cmd,
			 min_t(size_t, ucmd->user_size, cmd_len)))
		return -EFAULT;
	return 0;
}

/*
 * The scope label is chosen by the caller; the core enforces what is generic
 * (capability and taint) and leaves the per-command check to the driver.
 * The taint is recorded before the driver runs, so that anything the command
 * breaks is reported on a tainted kernel, but only for a request that passed
 * every check of the core and was copied in: a request that never reaches
 * the driver does not taint.
 */
static int fwctl_check_scope(u32 scope, bool *taint)
{
	switch (scope) {
	case FWCTL_RPC_CONFIGURATION:
	case FWCTL_RPC_DEBUG_READ_ONLY:
		*taint = false;
		return 0;
	case FWCTL_RPC_DEBUG_WRITE_FULL:
		if (!capable(CAP_SYS_RAWIO))
			return -EPERM;
		fallthrough;
	case FWCTL_RPC_DEBUG_WRITE:
		*taint = true;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

static void fwctl_taint(struct fwctl_device *fwctl)
{
	add_taint(TAINT_FWCTL, LOCKDEP_STILL_OK);
	if (READ_ONCE(fwctl_tainted) || xchg(&fwctl_tainted, 1))
		return;
	dev_warn(&fwctl->dev,
		 "%s[%d] sent a debug write RPC, the device may leave its supported state; tainting the kernel\n",
		 current->comm, task_pid_nr(current));
}

static int fwctl_do_rpc(struct fwctl_ucmd *ucmd)
{
	struct fwctl_device *fwctl = ucmd->uctx->fwctl;
	struct fwctl_rpc *cmd = ucmd->cmd;
	size_t out_len;
	bool taint;
	int ret;

	if (cmd->in_len > FWCTL_MAX_RPC_LEN || cmd->out_len > FWCTL_MAX_RPC_LEN)
		return -EMSGSIZE;

	ret = fwctl_check_scope(cmd->scope, &taint);
	if (ret)
		return ret;

	void *inbuf __free(fwctl_kvfree) = kvmalloc(cmd->in_len,
						    GFP_KERNEL_ACCOUNT);
	if (!inbuf)
		return -ENOMEM;
	if (copy_from_user(inbuf, u64_to_user_ptr(cmd->in), cmd->in_len))
		return -EFAULT;

	if (taint)
		fwctl_taint(fwctl);

	out_len = cmd->out_len;
	void *outbuf __free(fwctl_kvfree) =
		fwctl->ops->fw_rpc(ucmd->uctx, cmd->scope, inbuf, cmd->in_len,
				   &out_len);
	if (IS_ERR(outbuf))
		return PTR_ERR(outbuf);
	if (outbuf == inbuf)
		inbuf = NULL;	/* one buffer, freed as outbuf */
	if (WARN_ON_ONCE(out_len > FWCTL_MAX_RPC_LEN))
		return -EIO;

	if (copy_to_user(u64_to_user_ptr(cmd->out), outbuf,
			 min_t(size_t, cmd->out_len, out_len)))
		return -EFAULT;

	cmd->out_len = out_len;
	return fwctl_ucmd_respond(ucmd, sizeof(*cmd));
}

/* Every RPC that reached the core is traced, with its outcome. */
static int fwctl_cmd_rpc(struct fwctl_ucmd *ucmd)
{
	struct fwctl_rpc *cmd = ucmd->cmd;
	u32 in_len = cmd->in_len;
	int ret = fwctl_do_rpc(ucmd);

	trace_fwctl_rpc(&ucmd->uctx->fwctl->dev, cmd->scope, in_len,
			ret ? 0 : cmd->out_len, ret);
	return ret;
}

static int fwctl_copy_info(struct fwctl_info *cmd, const void *data,
			   size_t len)
{
	void __user *udata = u64_to_user_ptr(cmd->out_device_data);
	size_t copied = min_t(size_t, len, cmd->device_data_len);

	if (copy_to_user(udata, data, copied))
		return -EFAULT;
	if (clear_user(udata + copied, cmd->device_data_len - copied))
		return -EFAULT;
	return 0;
}

static int fwctl_cmd_info(struct fwctl_ucmd *ucmd)
{
	struct fwctl_device *fwctl = ucmd->uctx->fwctl;
	struct fwctl_info *cmd = ucmd->cmd;
	size_t len = 0;
	int ret;

	if (cmd->flags)
		return -EOPNOTSUPP;

	/*
	 * Unlike upstream, the driver is asked even for a zero-length buffer,
	 * so that a first call can learn how large the data is.
	 */
	if (fwctl->ops->info) {
		void *data __free(kfree) = fwctl->ops->info(ucmd->uctx, &len);

		if (IS_ERR(data))
			return PTR_ERR(data);
		if (!data)
			len = 0;
		ret = fwctl_copy_info(cmd, data, len);
	} else {
		ret = fwctl_copy_info(cmd, NULL, 0);
	}
	if (ret)
		return ret;

	cmd->out_device_type = fwctl->ops->device_type;
	cmd->device_data_len = min_t(size_t, len, U32_MAX);
	return fwctl_ucmd_respond(ucmd, sizeof(*cmd));
}

union fwctl_ucmd_buffer {
	struct fwctl_info info;
	struct fwctl_rpc rpc;
};

struct fwctl_ioctl_op {
	unsigned int size;
	unsigned int min_size;
	unsigned int ioctl_num;
	int (*execute)(struct fwctl_ucmd *ucmd);
};

/* In command-number order: the table is indexed by _IOC_NR - base. */
#define FWCTL_IOCTL_OP(_ioctl, _fn, _struct, _last)			\
	{								\
		.size = sizeof(_struct) +				\
			BUILD_BUG_ON_ZERO(sizeof(union fwctl_ucmd_buffer) < \
					  sizeof(_struct)),		\
		.min_size = offsetofend(_struct, _last),		\
		.ioctl_num = _ioctl,					\
		.execute = _fn,						\
	}

static const struct fwctl_ioctl_op fwctl_ioctl_ops[] = {
	FWCTL_IOCTL_OP(FWCTL_INFO, fwctl_cmd_info, struct fwctl_info,
		       out_device_data),
	FWCTL_IOCTL_OP(FWCTL_RPC, fwctl_cmd_rpc, struct fwctl_rpc, out),
};

/*
 * Copy the caller's struct in. Callers built against this header pass
 * exactly our size, which one copy handles; anything else, or a fault on
 * the speculative copy, takes the checked path with its precise errnos.
 */
static int fwctl_ucmd_copy_in(struct fwctl_ucmd *ucmd,
			      const struct fwctl_ioctl_op *op)
{
	if (!copy_from_user(ucmd->cmd, ucmd->ubuffer, op->size) &&
	    *(u32 *)ucmd->cmd == op->size) {
		ucmd->user_size = op->size;
		return 0;
	}

	if (get_user(ucmd->user_size, (u32 __user *)ucmd->ubuffer))
		return -EFAULT;
	if (ucmd->user_size < op->min_size)
		return -EINVAL;
	return copy_struct_from_user(ucmd->cmd, op->size, ucmd->ubuffer,
				     ucmd->user_size);
}

static long fwctl_fops_ioctl(struct file *filp, unsigned int cmd,
			     unsigned long arg)
{
	struct fwctl_uctx *uctx = filp->private_data;
	struct fwctl_device *fwctl = uctx->fwctl;
	const struct fwctl_ioctl_op *op;
	union fwctl_ucmd_buffer buf;
	struct fwctl_ucmd ucmd = {
		.uctx = uctx,
		.cmd = &buf,
		.ubuffer = (void __user *)arg,
	};
	unsigned int nr = _IOC_NR(cmd);
	int ret;

	if (nr - FWCTL_CMD_BASE >= ARRAY_SIZE(fwctl_ioctl_ops))
		return -ENOIOCTLCMD;
	op = &fwctl_ioctl_ops[nr - FWCTL_CMD_BASE];
	if (op->ioctl_num != cmd)
		return -ENOIOCTLCMD;

	ret = fwctl_ucmd_copy_in(&ucmd, op);
	if (ret)
		return ret;

	guard(rwsem_read)(&fwctl->registration_lock);
	if (!fwctl->ops)
		return -ENODEV;
	return op->execute(&ucmd);
}

static int fwctl_fops_open(struct inode *inode, struct file *filp)
{
	struct fwctl_device *fwctl =
		container_of(inode->i_cdev, struct fwctl_device, cdev);
	int ret;

	guard(rwsem_read)(&fwctl->registration_lock);
	if (!fwctl->ops)
		return -ENODEV;

	struct fwctl_uctx *uctx __free(kfree) =
		kzalloc(fwctl->ops->uctx_size, GFP_KERNEL_ACCOUNT);
	if (!uctx)
		return -ENOMEM;

	uctx->fwctl = fwctl;
	ret = fwctl->ops->open_uctx(uctx);
	if (ret)
		return ret;

	scoped_guard(mutex, &fwctl->uctx_list_lock)
		list_add_tail(&uctx->uctx_list_entry, &fwctl->uctx_list);

	fwctl_get(fwctl);
	filp->private_data = no_free_ptr(uctx);
	return 0;
}

/* Called with uctx_list_lock held, and registration_lock in either mode. */
static void fwctl_detach_uctx(struct fwctl_uctx *uctx)
{
	struct fwctl_device *fwctl = uctx->fwctl;

	lockdep_assert_held(&fwctl->uctx_list_lock);
	list_del(&uctx->uctx_list_entry);
	fwctl->ops->close_uctx(uctx);
}

static int fwctl_fops_release(struct inode *inode, struct file *filp)
{
	struct fwctl_uctx *uctx = filp->private_data;
	struct fwctl_device *fwctl = uctx->fwctl;

	scoped_guard(rwsem_read, &fwctl->registration_lock) {
		/* Once unregistered, fwctl_unregister() closed the context. */
		if (fwctl->ops) {
			guard(mutex)(&fwctl->uctx_list_lock);
			fwctl_detach_uctx(uctx);
		}
	}

	kfree(uctx);
	fwctl_put(fwctl);
	return 0;
}

static const struct file_operations fwctl_fops = {
	.owner = THIS_MODULE,
	.open = fwctl_fops_open,
	.release = fwctl_fops_release,
	.unlocked_ioctl = fwctl_fops_ioctl,
};

static void fwctl_device_release(struct device *device)
{
	struct fwctl_device *fwctl =
		container_of(device, struct fwctl_device, dev);

	ida_free(&fwctl_ida, MINOR(fwctl->dev.devt));
	mutex_destroy(&fwctl->uctx_list_lock);
	kfree(fwctl);
}

static char *fwctl_devnode(FWCTL_DEVNODE_CONST struct device *dev,
			   umode_t *mode)
{
	return kasprintf(GFP_KERNEL, "fwctl/%s", dev_name(dev));
}

static struct class fwctl_class = {
	.name = "fwctl",
	.dev_release = fwctl_device_release,
	.devnode = fwctl_devnode,
};

static struct fwctl_device *fwctl_device_init(struct fwctl_device *fwctl,
					      struct device *parent)
{
	int devnum;

	devnum = ida_alloc_max(&fwctl_ida, FWCTL_MAX_DEVICES - 1, GFP_KERNEL);
	if (devnum < 0)
		return NULL;

	fwctl->dev.devt = MKDEV(MAJOR(fwctl_devt), devnum);
	fwctl->dev.class = &fwctl_class;
	fwctl->dev.parent = parent;
	init_rwsem(&fwctl->registration_lock);
	mutex_init(&fwctl->uctx_list_lock);
	INIT_LIST_HEAD(&fwctl->uctx_list);
	device_initialize(&fwctl->dev);
	return fwctl;
}

/**
 * _fwctl_alloc_device - allocate a driver struct embedding a fwctl_device
 * @parent: the device whose firmware the RPCs reach
 * @ops: the driver's operations
 * @size: size of the driver's struct, whose first member is the fwctl_device
 *
 * Use the fwctl_alloc_device() wrapper, which checks the embedding.
 *
 * Return: the new fwctl_device, holding one reference, or NULL.
 */
struct fwctl_device *_fwctl_alloc_device(struct device *parent,
					 const struct fwctl_ops *ops,
					 size_t size)
{
	struct fwctl_device *new __free(kfree) = kzalloc(size, GFP_KERNEL);
	struct fwctl_device *fwctl;

	if (WARN_ON(!ops || !ops->fw_rpc || !ops->open_uctx ||
		    !ops->close_uctx ||
		    ops->uctx_size < sizeof(struct fwctl_uctx)))
		return NULL;
	if (!new || !fwctl_device_init(new, parent))
		return NULL;

	/* From here on the release function owns the memory. */
	fwctl = no_free_ptr(new);
	if (dev_set_name(&fwctl->dev, "fwctl%d", MINOR(fwctl->dev.devt))) {
		fwctl_put(fwctl);
		return NULL;
	}

	cdev_init(&fwctl->cdev, &fwctl_fops);
	fwctl->cdev.owner = THIS_MODULE;
	fwctl->ops = ops;
	return fwctl;
}
EXPORT_SYMBOL_NS_GPL(_fwctl_alloc_device, FWCTL);

/**
 * fwctl_register - make a fwctl device visible to userspace
 * @fwctl: a device from fwctl_alloc_device()
 *
 * Creates /dev/fwctl/fwctlN and its sysfs entry. Once this succeeds the
 * driver's ops may be called at any time until fwctl_unregister() returns.
 *
 * Return: 0 or a negative errno.
 */
int fwctl_register(struct fwctl_device *fwctl)
{
	return cdev_device_add(&fwctl->cdev, &fwctl->dev);
}
EXPORT_SYMBOL_NS_GPL(fwctl_register, FWCTL);

/**
 * fwctl_unregister - detach the driver from a fwctl device
 * @fwctl: a registered device
 *
 * Removes the device node, waits for every operation in flight to finish and
 * closes every context still open. When it returns no driver op will ever be
 * called again; files still open get ENODEV and are cleaned up by the core.
 * The caller still owns its reference and drops it with fwctl_put().
 */
void fwctl_unregister(struct fwctl_device *fwctl)
{
	struct fwctl_uctx *uctx;

	cdev_device_del(&fwctl->cdev, &fwctl->dev);

	guard(rwsem_write)(&fwctl->registration_lock);
	scoped_guard(mutex, &fwctl->uctx_list_lock) {
		while ((uctx = list_first_entry_or_null(&fwctl->uctx_list,
							struct fwctl_uctx,
							uctx_list_entry)))
			fwctl_detach_uctx(uctx);
	}
	fwctl->ops = NULL;
}
EXPORT_SYMBOL_NS_GPL(fwctl_unregister, FWCTL);

static int __init fwctl_init(void)
{
	int ret;

	ret = alloc_chrdev_region(&fwctl_devt, 0, FWCTL_MAX_DEVICES, "fwctl");
	if (ret)
		return ret;

	ret = class_register(&fwctl_class);
	if (ret)
		goto err_chrdev;
	return 0;

err_chrdev:
	unregister_chrdev_region(fwctl_devt, FWCTL_MAX_DEVICES);
	return ret;
}

static void __exit fwctl_exit(void)
{
	class_unregister(&fwctl_class);
	unregister_chrdev_region(fwctl_devt, FWCTL_MAX_DEVICES);
}

module_init(fwctl_init);
module_exit(fwctl_exit);
MODULE_DESCRIPTION("fwctl: scoped RPC channel to device firmware (fwgate)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
