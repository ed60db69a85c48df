// SPDX-License-Identifier: GPL-2.0
/* sap_sim: a simulated WLAN/SAP firmware client for sap_host, driven
 * through a character device.
 *
 * A userspace program opens /dev/sap_sim and plays the CSME firmware: it
 * attaches a simulated client (sap_host then probes it), reads the events
 * the host causes (area mapped, client enabled, ME-level messages sent),
 * mmap()s the shared area and writes ME-level messages back, which a work
 * item hands to sap_host_rx() one at a time. See include/uapi/linux/sap_sim.h
 * for the userspace side.
 *
 * Locking: @state_lock serialises whole client lifecycle steps (attach,
 * detach, reset, suspend, resume, open, release) and is held around
 * sap_host_probe() and sap_host_remove(). Those call back into the transport
 * ops, which therefore only take @lock, a spinlock guarding the queues, the
 * area pointer and the counters. Neither lock is held while calling
 * sap_host_rx(), and the receive work never takes @state_lock, so ->disable
 * may wait for it with @state_lock held.
 */

#include <linux/cleanup.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/lockdep.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/suspend.h>
#include <linux/pm.h>
#include <linux/poll.h>
#include <linux/sap_sim.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "sap_transport.h"
#include "sap_wire.h"

#define SAP_SIM_NAME		"sap_sim"
/* Events waiting for the simulator to read them. */
#define SAP_SIM_EVQ_LEN		256
/* Messages written by the simulator, not yet given to sap_host. */
#define SAP_SIM_RXQ_LEN		64
/* Largest area accepted at all; SAP v4 asks for 168 KiB. */
#define SAP_SIM_AREA_MAX	SZ_4M

static_assert(SAP_SIM_MSG_MAX >= SAP_TRANSPORT_MSG_MAX);
static_assert(SAP_SIM_AREA_MAX <= U32_MAX);

/**
 * struct sap_sim_area - one shared area lent to sap_host
 * @ref: one reference held while the host has it mapped, one per user VMA
 * @mem: zeroed vmalloc_user() memory
 * @size: bytes the host asked for
 */
struct sap_sim_area {
	struct kref ref;
	void *mem;
	size_t size;
};

/**
 * struct sap_sim_qev - a queued event, turned into a &struct sap_sim_event
 * @type: &enum sap_sim_event_type
 * @gen: attach generation when the event was queued
 * @map_size: SAP_SIM_EV_MAP: bytes mapped
 * @len: bytes used in @data
 * @data: SAP_SIM_EV_MSG: the message
 */
struct sap_sim_qev {
	u32 type;
	u32 gen;
	u32 map_size;
	u32 len;
	u8 data[SAP_SIM_MSG_MAX];
};

/**
 * struct sap_sim_qmsg - a message on its way to sap_host
 * @len: bytes used in @data
 * @data: the message
 */
struct sap_sim_qmsg {
	u32 len;
	u8 data[SAP_SIM_MSG_MAX];
};

/**
 * struct sap_sim - the single simulated client
 * @t: the transport handed to sap_host
 * @pdev: platform device, the client device named in logs
 * @wq: readers and pollers wait here
 * @rx_work: hands written messages to sap_host_rx()
 * @reset_work: carries out SAP_SIM_IOC_RESET
 * @state_lock: serialises attach, detach, reset, PM, open and release
 * @closing: the file is being released; no new attach (@state_lock)
 * @pm_reattach: suspend removed the client; resume brings it back
 *	(@state_lock)
 * @lock: protects everything below; @open, @attached, @gen and
 *	@max_map_size are written with both locks held and may be read
 *	under either
 * @open: a simulator has the file open
 * @attached: sap_host probed the client successfully
 * @enabled: the host enabled the client; messages may be written
 * @resetting: a SAP_SIM_IOC_RESET is queued or running
 * @gen: attach generation
 * @max_map_size: largest area the simulated firmware accepts, 0 = any
 * @area: the area the host has mapped, or NULL
 * @ev_head: index of the oldest queued event in @evq
 * @ev_count: queued events
 * @rx_head: index of the oldest queued message in @rxq
 * @rx_count: queued messages
 * @msgs_to_host: messages delivered to sap_host_rx()
 * @msgs_from_host: messages the host sent
 * @events_dropped: events lost to a full @evq
 * @resets: accepted SAP_SIM_IOC_RESET requests
 * @suspends: removals caused by system suspend
 * @evq: event ring
 * @rxq: host-bound message ring
 */
struct sap_sim {
	struct sap_transport t;
	struct platform_device *pdev;
	wait_queue_head_t wq;
	struct work_struct rx_work;
	struct work_struct reset_work;

	struct mutex state_lock; /* see the kernel-doc above */
	bool closing;
	bool pm_reattach;

	spinlock_t lock; /* see the kernel-doc above */
	bool open;
	bool attached;
	bool enabled;
	bool resetting;
	u32 gen;
	u32 max_map_size;
	struct sap_sim_area *area;
	unsigned int ev_head;
	unsigned int ev_count;
	unsigned int rx_head;
	unsigned int rx_count;
	u32 msgs_to_host;
	u32 msgs_from_host;
	u32 events_dropped;
	u32 resets;
	u32 suspends;
	struct sap_sim_qev evq[SAP_SIM_EVQ_LEN];
	struct sap_sim_qmsg rxq[SAP_SIM_RXQ_LEN];
};

static struct sap_sim sim;

/* ---- shared area ---------------------------------------------------- */

static void sap_sim_area_release(struct kref *ref)
{
	struct sap_sim_area *area = container_of(ref, struct sap_sim_area, ref);

	vfree(area->mem);
	kfree(area);
}

/* May sleep: the last reference frees the memory. */
static void sap_sim_area_put(struct sap_sim_area *area)
{
	kref_put(&area->ref, sap_sim_area_release);
}

static void sap_sim_vma_open(struct vm_area_struct *vma)
{
	struct sap_sim_area *area = vma->vm_private_data;

	kref_get(&area->ref);
}

static void sap_sim_vma_close(struct vm_area_struct *vma)
{
	sap_sim_area_put(vma->vm_private_data);
}

static const struct vm_operations_struct sap_sim_vm_ops = {
	.open = sap_sim_vma_open,
	.close = sap_sim_vma_close,
};

/* ---- queues ------------------------------------------------------------ */

/* Queue an event for the simulator. Without an opener the event is
 * silently discarded; with a full queue it is dropped and counted.
 */
static bool sap_sim_ev_push(u32 type, const void *data, u32 len, u32 map_size)
{
	struct sap_sim_qev *ev;

	lockdep_assert_held(&sim.lock);
	if (!sim.open)
		return false;
	if (sim.ev_count == SAP_SIM_EVQ_LEN) {
		sim.events_dropped++;
		return false;
	}
	ev = &sim.evq[(sim.ev_head + sim.ev_count) % SAP_SIM_EVQ_LEN];
	ev->type = type;
	ev->gen = sim.gen;
	ev->map_size = map_size;
	ev->len = len;
	if (len)
		memcpy(ev->data, data, len);
	sim.ev_count++;
	wake_up_interruptible(&sim.wq);
	return true;
}

static bool sap_sim_ev_pop(struct sap_sim_qev *out)
{
	scoped_guard(spinlock, &sim.lock) {
		if (!sim.ev_count)
			return false;
		*out = sim.evq[sim.ev_head];
		sim.ev_head = (sim.ev_head + 1) % SAP_SIM_EVQ_LEN;
		sim.ev_count--;
	}
	return true;
}

/* Put back an event that could not be copied to user space. */
static void sap_sim_ev_unpop(const struct sap_sim_qev *ev)
{
	spin_lock(&sim.lock);
	if (sim.ev_count < SAP_SIM_EVQ_LEN) {
		sim.ev_head = (sim.ev_head + SAP_SIM_EVQ_LEN - 1) % SAP_SIM_EVQ_LEN;
		sim.evq[sim.ev_head] = *ev;
		sim.ev_count++;
	} else {
		sim.events_dropped++;
	}
	spin_unlock(&sim.lock);
}

static bool sap_sim_ev_ready(void)
{
	bool ready = false;

	scoped_guard(spinlock, &sim.lock)
		ready = sim.ev_count != 0;
	return ready;
}

/* A write would not block: a free slot, or a disabled client (ENOTCONN). */
static bool sap_sim_writable(void)
{
	bool writable;

	spin_lock(&sim.lock);
	writable = !sim.enabled || sim.rx_count < SAP_SIM_RXQ_LEN;
	spin_unlock(&sim.lock);
	return writable;
}

static void sap_sim_ev_queue(u32 type, u32 map_size)
{
	scoped_guard(spinlock, &sim.lock)
		sap_sim_ev_push(type, NULL, 0, map_size);
}

/* Take the oldest host-bound message, unless the client is disabled. */
static bool sap_sim_rx_pop(struct sap_sim_qmsg *out)
{
	scoped_guard(spinlock, &sim.lock) {
		if (!sim.enabled || !sim.rx_count)
			return false;
		*out = sim.rxq[sim.rx_head];
		sim.rx_head = (sim.rx_head + 1) % SAP_SIM_RXQ_LEN;
		sim.rx_count--;
	}
	return true;
}

static void sap_sim_rx_work(struct work_struct *work)
{
	struct sap_sim_qmsg msg;

	while (sap_sim_rx_pop(&msg)) {
		/* A slot became free: writers may go on. */
		wake_up_interruptible(&sim.wq);
		sap_host_rx(&sim.t, msg.data, msg.len);
		scoped_guard(spinlock, &sim.lock)
			sim.msgs_to_host++;
	}
}

/* ---- transport operations (called by sap_host) ------------------------ */

static u32 sap_sim_map_limit(void)
{
	u32 limit = 0;

	scoped_guard(spinlock, &sim.lock)
		limit = sim.max_map_size;
	return limit;
}

static void *sap_sim_dma_map(struct sap_transport *t, size_t size)
{
	struct sap_sim_area *area;
	u32 limit = sap_sim_map_limit();

	/* Refuse like firmware that reserved less. */
	if (!size || !IS_ALIGNED(size, SAP_MEI_FW_PAGE_SIZE) ||
	    size > SAP_SIM_AREA_MAX || (limit && size > limit))
		return ERR_PTR(-ENOMEM);

	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return ERR_PTR(-ENOMEM);
	area->mem = vmalloc_user(size);
	if (!area->mem) {
		kfree(area);
		return ERR_PTR(-ENOMEM);
	}
	area->size = size;
	kref_init(&area->ref);

	scoped_guard(spinlock, &sim.lock) {
		if (!sim.area) {
			sim.area = area;
			sap_sim_ev_push(SAP_SIM_EV_MAP, NULL, 0, size);
			return area->mem;
		}
	}
	/* The host maps one area at a time. */
	sap_sim_area_put(area);
	return ERR_PTR(-EBUSY);
}

static void sap_sim_dma_unmap(struct sap_transport *t)
{
	struct sap_sim_area *area;

	scoped_guard(spinlock, &sim.lock) {
		area = sim.area;
		sim.area = NULL;
		sap_sim_ev_push(SAP_SIM_EV_UNMAP, NULL, 0, 0);
	}
	/* User mappings keep their own references. */
	if (area)
		sap_sim_area_put(area);
}

static int sap_sim_enable(struct sap_transport *t)
{
	scoped_guard(spinlock, &sim.lock) {
		sim.enabled = true;
		sap_sim_ev_push(SAP_SIM_EV_ENABLE, NULL, 0, 0);
	}
	return 0;
}

static void sap_sim_disable(struct sap_transport *t)
{
	scoped_guard(spinlock, &sim.lock) {
		sim.enabled = false;
		sim.rx_head = 0;
		sim.rx_count = 0;
	}
	/* Waits for a sap_host_rx() call in flight; no new one starts. */
	cancel_work_sync(&sim.rx_work);
	sap_sim_ev_queue(SAP_SIM_EV_DISABLE, 0);
}

static int sap_sim_send(struct sap_transport *t, const void *buf, size_t len)
{
	if (!len || len > SAP_SIM_MSG_MAX)
		return -EMSGSIZE;

	scoped_guard(spinlock, &sim.lock) {
		if (!sim.open)
			return -ENODEV;
		if (!sap_sim_ev_push(SAP_SIM_EV_MSG, buf, len, 0))
			return -ENOSPC;
		sim.msgs_from_host++;
	}
	return 0;
}

static const struct sap_transport_ops sap_sim_ops = {
	.dma_map = sap_sim_dma_map,
	.dma_unmap = sap_sim_dma_unmap,
	.enable = sap_sim_enable,
	.disable = sap_sim_disable,
	.send = sap_sim_send,
};

/* ---- client lifecycle (state_lock held) ------------------------------- */

static int sap_sim_attach(u32 max_map_size)
{
	int ret;

	lockdep_assert_held(&sim.state_lock);
	scoped_guard(spinlock, &sim.lock) {
		sim.gen++;
		sim.max_map_size = max_map_size;
	}
	ret = sap_host_probe(&sim.t);
	if (ret)
		return ret;
	scoped_guard(spinlock, &sim.lock)
		sim.attached = true;
	return 0;
}

static void sap_sim_detach(void)
{
	bool enabled, mapped;

	lockdep_assert_held(&sim.state_lock);
	sap_host_remove(&sim.t);
	scoped_guard(spinlock, &sim.lock) {
		sim.attached = false;
		enabled = sim.enabled;
		mapped = !!sim.area;
	}
	/* sap_host_remove() should have undone both; make sure anyway. */
	if (WARN_ON_ONCE(enabled))
		sap_sim_disable(&sim.t);
	if (WARN_ON_ONCE(mapped))
		sap_sim_dma_unmap(&sim.t);
}

static void sap_sim_reset_work(struct work_struct *work)
{
	int ret;

	scoped_guard(mutex, &sim.state_lock) {
		if (sim.attached && !sim.closing) {
			dev_info(sim.t.dev, "simulated firmware reset\n");
			sap_sim_detach();
			ret = sap_sim_attach(sim.max_map_size);
			if (ret)
				dev_warn(sim.t.dev,
					 "client did not come back after reset: %d\n",
					 ret);
		}
		scoped_guard(spinlock, &sim.lock)
			sim.resetting = false;
	}
}

/* Used by release() and module exit: the client goes away for good. */
static void sap_sim_shutdown(void)
{
	scoped_guard(mutex, &sim.state_lock)
		sim.closing = true;
	/* Let a reset in progress finish; it sees @closing and stops. */
	cancel_work_sync(&sim.reset_work);

	guard(mutex)(&sim.state_lock);
	sim.pm_reattach = false;
	if (sim.attached)
		sap_sim_detach();
	scoped_guard(spinlock, &sim.lock) {
		sim.resetting = false;
		sim.open = false;
		sim.ev_head = 0;
		sim.ev_count = 0;
	}
	sim.closing = false;
}

/* ---- ioctls ------------------------------------------------------------ */

static long sap_sim_ioc_attach(struct sap_sim_attach __user *uarg)
{
	struct sap_sim_attach a;
	u32 usize;
	int ret;

	if (get_user(usize, &uarg->size))
		return -EFAULT;
	if (usize < offsetofend(struct sap_sim_attach, max_map_size))
		return -EINVAL;
	if (usize > PAGE_SIZE)
		return -E2BIG;
	ret = copy_struct_from_user(&a, sizeof(a), uarg, usize);
	if (ret)
		return ret;
	if (a.flags || a.reserved)
		return -EINVAL;

	guard(mutex)(&sim.state_lock);
	if (sim.attached)
		return -EBUSY;
	return sap_sim_attach(a.max_map_size);
}

static long sap_sim_ioc_detach(void)
{
	guard(mutex)(&sim.state_lock);
	if (!sim.attached)
		return -ENOTCONN;
	/* A reset that has not started yet has nothing left to do. */
	if (cancel_work(&sim.reset_work)) {
		scoped_guard(spinlock, &sim.lock)
			sim.resetting = false;
	}
	sap_sim_detach();
	return 0;
}

static long sap_sim_ioc_reset(void)
{
	scoped_guard(spinlock, &sim.lock) {
		if (sim.resetting)
			return -EBUSY;
		if (!sim.attached)
			return -ENOTCONN;
		sim.resetting = true;
		sim.resets++;
	}
	schedule_work(&sim.reset_work);
	return 0;
}

static long sap_sim_ioc_info(struct sap_sim_info __user *uarg)
{
	struct sap_sim_info info = {};
	u32 usize;

	if (get_user(usize, &uarg->size))
		return -EFAULT;
	if (usize < sizeof(info.size))
		return -EINVAL;
	usize = min_t(u32, usize, sizeof(info));

	scoped_guard(spinlock, &sim.lock) {
		info.size = usize;
		info.attached = sim.attached;
		info.enabled = sim.enabled;
		info.gen = sim.gen;
		info.map_size = sim.area ? sim.area->size : 0;
		info.msgs_to_host = sim.msgs_to_host;
		info.msgs_from_host = sim.msgs_from_host;
		info.events_dropped = sim.events_dropped;
		info.resets = sim.resets;
		info.suspends = sim.suspends;
	}
	if (copy_to_user(uarg, &info, usize))
		return -EFAULT;
	return 0;
}

static long sap_sim_ioctl(struct file *file, unsigned int cmd,
			  unsigned long arg)
{
	static const unsigned int cmds[] = {
		[_IOC_NR(SAP_SIM_IOC_ATTACH)] = SAP_SIM_IOC_ATTACH,
		[_IOC_NR(SAP_SIM_IOC_DETACH)] = SAP_SIM_IOC_DETACH,
		[_IOC_NR(SAP_SIM_IOC_RESET)] = SAP_SIM_IOC_RESET,
		[_IOC_NR(SAP_SIM_IOC_INFO)] = SAP_SIM_IOC_INFO,
	};
	void __user *uarg = (void __user *)arg;
	unsigned int nr = _IOC_NR(cmd);

	/* The structs carry their own size: an ioctl number built with a
	 * newer or older struct size selects the same command.
	 */
	if (_IOC_TYPE(cmd) != SAP_SIM_IOC_MAGIC || nr >= ARRAY_SIZE(cmds) ||
	    _IOC_DIR(cmd) != _IOC_DIR(cmds[nr]))
		return -ENOTTY;
	switch (cmds[nr]) {
	case SAP_SIM_IOC_ATTACH:
		return sap_sim_ioc_attach(uarg);
	case SAP_SIM_IOC_DETACH:
		return sap_sim_ioc_detach();
	case SAP_SIM_IOC_RESET:
		return sap_sim_ioc_reset();
	case SAP_SIM_IOC_INFO:
		return sap_sim_ioc_info(uarg);
	default:
		return -ENOTTY;
	}
}

/* ---- file operations --------------------------------------------------- */

static int sap_sim_open(struct inode *inode, struct file *file)
{
	scoped_guard(mutex, &sim.state_lock) {
		if (sim.open)
			return -EBUSY;
		scoped_guard(spinlock, &sim.lock) {
			sim.open = true;
			sim.ev_head = 0;
			sim.ev_count = 0;
		}
	}
	return stream_open(inode, file);
}

static int sap_sim_release(struct inode *inode, struct file *file)
{
	sap_sim_shutdown();
	return 0;
}

static ssize_t sap_sim_read(struct file *file, char __user *buf,
			    size_t count, loff_t *ppos)
{
	struct sap_sim_event hdr;
	struct sap_sim_qev ev;
	int ret;

	if (count < sizeof(hdr) + SAP_SIM_MSG_MAX)
		return -EINVAL;

	while (!sap_sim_ev_pop(&ev)) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		ret = wait_event_interruptible(sim.wq, sap_sim_ev_ready());
		if (ret)
			return ret;
	}

	hdr.type = ev.type;
	hdr.len = ev.len;
	hdr.gen = ev.gen;
	hdr.map_size = ev.map_size;
	if (copy_to_user(buf, &hdr, sizeof(hdr)) ||
	    copy_to_user(buf + sizeof(hdr), ev.data, ev.len)) {
		/* The next read() gets the same event. */
		sap_sim_ev_unpop(&ev);
		return -EFAULT;
	}
	return sizeof(hdr) + ev.len;
}

static ssize_t sap_sim_write(struct file *file, const char __user *buf,
			     size_t count, loff_t *ppos)
{
	struct sap_sim_qmsg *slot;
	u8 data[SAP_SIM_MSG_MAX];
	bool queued;
	int ret;

	if (!count)
		return -EINVAL;
	if (count > SAP_SIM_MSG_MAX)
		return -EMSGSIZE;
	if (copy_from_user(data, buf, count))
		return -EFAULT;

	for (;;) {
		scoped_guard(spinlock, &sim.lock) {
			/* Not "attached": START_OK may arrive while probe runs. */
			if (!sim.enabled)
				return -ENOTCONN;
			queued = sim.rx_count < SAP_SIM_RXQ_LEN;
			if (queued) {
				slot = &sim.rxq[(sim.rx_head + sim.rx_count) % SAP_SIM_RXQ_LEN];
				slot->len = count;
				memcpy(slot->data, data, count);
				sim.rx_count++;
			}
		}
		if (queued)
			break;
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		/* The receive work frees slots; disabling the client wakes
		 * us too (DISABLE event) and ends the wait with ENOTCONN.
		 */
		ret = wait_event_interruptible(sim.wq, sap_sim_writable());
		if (ret)
			return ret;
	}
	schedule_work(&sim.rx_work);
	return count;
}

static __poll_t sap_sim_poll(struct file *file, poll_table *wait)
{
	__poll_t mask = 0;

	poll_wait(file, &sim.wq, wait);

	scoped_guard(spinlock, &sim.lock) {
		if (sim.ev_count)
			mask |= EPOLLIN | EPOLLRDNORM;
		if (sim.enabled && sim.rx_count < SAP_SIM_RXQ_LEN)
			mask |= EPOLLOUT | EPOLLWRNORM;
	}
	return mask;
}

static int sap_sim_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long len = vma->vm_end - vma->vm_start;
	struct sap_sim_area *area;
	int ret;

	if (vma->vm_pgoff)
		return -EINVAL;
	/* A private copy would not be shared with the host. */
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;

	scoped_guard(spinlock, &sim.lock) {
		area = sim.area;
		if (area)
			kref_get(&area->ref);
	}
	if (!area)
		return -ENODEV;

	if (len > PAGE_ALIGN(area->size)) {
		ret = -EINVAL;
		goto err_put;
	}
	ret = remap_vmalloc_range(vma, area->mem, 0);
	if (ret)
		goto err_put;
	vma->vm_private_data = area;
	vma->vm_ops = &sap_sim_vm_ops;
	return 0;

err_put:
	sap_sim_area_put(area);
	return ret;
}

static const struct file_operations sap_sim_fops = {
	.owner = THIS_MODULE,
	.open = sap_sim_open,
	.release = sap_sim_release,
	.read = sap_sim_read,
	.write = sap_sim_write,
	.poll = sap_sim_poll,
	.mmap = sap_sim_mmap,
	.unlocked_ioctl = sap_sim_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.llseek = no_llseek,
};

static struct miscdevice sap_sim_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = SAP_SIM_NAME,
	.fops = &sap_sim_fops,
	.mode = 0600,
};

/* ---- system sleep ------------------------------------------------------ */

/* A real MEI client disappears across suspend and comes back on resume;
 * so does this one. The firmware keeps running while the host sleeps, so
 * the client is removed from the PM notifier, before user space is frozen:
 * the simulator can still drain the host's HOST_GOES_DOWN.
 */
static void sap_sim_pm_suspend(void)
{
	guard(mutex)(&sim.state_lock);
	if (!sim.attached)
		return;
	sap_sim_detach();
	sim.pm_reattach = true;
	scoped_guard(spinlock, &sim.lock)
		sim.suspends++;
}

static void sap_sim_pm_resume(void)
{
	int ret;

	guard(mutex)(&sim.state_lock);
	if (!sim.pm_reattach)
		return;
	sim.pm_reattach = false;
	/* The simulator may have attached again while tasks still ran. */
	if (!sim.open || sim.closing || sim.attached)
		return;
	ret = sap_sim_attach(sim.max_map_size);
	/* Not a resume failure: the client simply stays away. */
	if (ret)
		dev_warn(&sim.pdev->dev, "client did not come back after resume: %d\n",
			 ret);
}

static int sap_sim_pm_notify(struct notifier_block *nb, unsigned long action,
			     void *data)
{
	switch (action) {
	case PM_HIBERNATION_PREPARE:
	case PM_SUSPEND_PREPARE:
		sap_sim_pm_suspend();
		break;
	case PM_POST_HIBERNATION:
	case PM_POST_SUSPEND:
		sap_sim_pm_resume();
		break;
	}
	return NOTIFY_OK;
}

static struct notifier_block sap_sim_pm_nb = {
	.notifier_call = sap_sim_pm_notify,
};

/* ---- module ------------------------------------------------------------ */

static int __init sap_sim_init(void)
{
	int ret;

	mutex_init(&sim.state_lock);
	spin_lock_init(&sim.lock);
	init_waitqueue_head(&sim.wq);
	INIT_WORK(&sim.rx_work, sap_sim_rx_work);
	INIT_WORK(&sim.reset_work, sap_sim_reset_work);
	sim.t.ops = &sap_sim_ops;
	sim.t.name = "sim";

	/* A device without a driver: it names the client in logs. */
	sim.pdev = platform_device_register_simple(SAP_SIM_NAME,
						   PLATFORM_DEVID_NONE,
						   NULL, 0);
	if (IS_ERR(sim.pdev))
		return PTR_ERR(sim.pdev);
	sim.t.dev = &sim.pdev->dev;
	ret = register_pm_notifier(&sap_sim_pm_nb);
	if (ret)
		goto err_device;
	ret = misc_register(&sap_sim_misc);
	if (ret)
		goto err_notifier;
	return 0;

err_notifier:
	unregister_pm_notifier(&sap_sim_pm_nb);
err_device:
	platform_device_unregister(sim.pdev);
	return ret;
}
module_init(sap_sim_init);

static void __exit sap_sim_exit(void)
{
	/* An open file pins the module, so this is only a safety net. */
	misc_deregister(&sap_sim_misc);
	unregister_pm_notifier(&sap_sim_pm_nb);
	sap_sim_shutdown();
	cancel_work_sync(&sim.rx_work);
	platform_device_unregister(sim.pdev);
}
module_exit(sap_sim_exit);

MODULE_DESCRIPTION("Simulated CSME WLAN client for sap_host (/dev/sap_sim)");
MODULE_LICENSE("GPL");
MODULE_AUTHOR("fwgate developers <dev@fwgate.invalid>");
MODULE_VERSION(FWGATE_VERSION);
