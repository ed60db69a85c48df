// SPDX-License-Identifier: GPL-2.0
/*
 * /dev/sap_sim, the simulated MEI client (include/uapi/linux/sap_sim.h).
 *
 * Events from the host are read one per read() and handed to the firmware;
 * the shared area is mmap()ed on SAP_SIM_EV_MAP and unmapped on _UNMAP.
 * ME-level messages to the host are written one per write(); when the
 * device's queue is full (EAGAIN) they wait in a small queue that is
 * flushed on POLLOUT. RESET and DETACH run in a helper thread: the host's
 * removal path waits for us to drain its HOST_GOES_DOWN, which we could not
 * do while blocked in the ioctl.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/sap_sim.h>

#include "transport.h"
#include "log.h"

_Static_assert(sizeof(struct sap_sim_event) == CSME_EV_HDR, "event header");
_Static_assert(SAP_SIM_MSG_MAX == CSME_ME_MSG_MAX, "ME message size");

#define XPORT_EVENT_BUDGET	64
#define XPORT_MAP_MAX		(4u << 20)	/* sanity limit for a MAP event */

int csme_xport_init(struct csme_xport *x, const char *path, uint32_t max_map)
{
	memset(x, 0, sizeof(*x));
	x->path = path;
	x->fd = -1;
	x->max_map = max_map;
	x->apipe[0] = x->apipe[1] = -1;
	if (pipe2(x->apipe, O_CLOEXEC | O_NONBLOCK))
		return -errno;
	return 0;
}

void csme_xport_fini(struct csme_xport *x)
{
	if (x->abusy) {
		pthread_join(x->athread, NULL);
		x->abusy = false;
	}
	if (x->apipe[0] >= 0)
		close(x->apipe[0]);
	if (x->apipe[1] >= 0)
		close(x->apipe[1]);
	x->apipe[0] = x->apipe[1] = -1;
}

static void xport_unmap(struct csme_xport *x, struct csme_fw *fw)
{
	/* the firmware lets go of the memory before it disappears */
	csme_fw_unmap(fw);
	if (x->map)
		munmap(x->map, x->map_size);
	x->map = NULL;
	x->map_size = 0;
}

static void xport_map(struct csme_xport *x, struct csme_fw *fw, uint32_t size, uint32_t gen)
{
	void *p;

	xport_unmap(x, fw);
	if (!size || size > XPORT_MAP_MAX || size % SAP_MEI_FW_PAGE_SIZE) {
		csme_log("ignoring a MAP event of %u bytes", size);
		return;
	}
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, x->fd, 0);
	if (p == MAP_FAILED) {
		csme_log("mmap of the shared area (%u bytes): %s", size, strerror(errno));
		return;
	}
	x->map = p;
	x->map_size = size;
	x->map_gen = gen;
	csme_fw_map(fw, p, size, gen);
}

/* A START of generation @gen: make sure we look at that generation's area
 * (a MAP event may have been lost if the event queue overflowed).
 */
static void xport_check_map(struct csme_xport *x, struct csme_fw *fw, uint32_t gen)
{
	struct sap_sim_info info;

	if (x->map && x->map_gen == gen)
		return;
	memset(&info, 0, sizeof(info));
	info.size = sizeof(info);
	if (ioctl(x->fd, SAP_SIM_IOC_INFO, &info) || !info.map_size)
		return;
	csme_log("remapping the shared area for generation %u", gen);
	xport_map(x, fw, info.map_size, gen);
}

/**
 * csme_xport_open() - open the device and attach as the firmware
 * @x: transport
 * @fw: firmware told about the attach
 *
 * Return: 0 or -errno.
 */
int csme_xport_open(struct csme_xport *x, struct csme_fw *fw)
{
	struct sap_sim_attach a;
	int fd, err;

	fd = open(x->path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.flags = 0;
	a.max_map_size = x->max_map;
	if (ioctl(fd, SAP_SIM_IOC_ATTACH, &a)) {
		err = -errno;
		close(fd);
		return err;
	}
	x->fd = fd;
	x->attached = true;
	x->qcount = 0;
	x->qhead = 0;
	csme_fw_attached(fw, true);
	return 0;
}

/* Close the device (the kernel detaches a client still attached). */
void csme_xport_close(struct csme_xport *x, struct csme_fw *fw)
{
	if (x->abusy)
		return;		/* the ioctl thread still uses the file */
	xport_unmap(x, fw);
	if (x->fd >= 0)
		close(x->fd);
	x->fd = -1;
	x->attached = false;
	x->dropped += x->qcount;
	x->qcount = 0;
	x->qhead = 0;
	csme_fw_attached(fw, false);
}

static void xport_event(struct csme_xport *x, struct csme_fw *fw, size_t n, uint64_t now)
{
	struct sap_sim_event ev;
	const uint8_t *data = x->evbuf + sizeof(ev);

	memcpy(&ev, x->evbuf, sizeof(ev));
	if (ev.len > n - sizeof(ev) || ev.len > SAP_SIM_MSG_MAX) {
		x->events_bad++;
		return;
	}
	switch (ev.type) {
	case SAP_SIM_EV_MAP:
		xport_map(x, fw, ev.map_size, ev.gen);
		break;
	case SAP_SIM_EV_UNMAP:
		xport_unmap(x, fw);
		break;
	case SAP_SIM_EV_ENABLE:
	case SAP_SIM_EV_DISABLE:
		csme_fw_enable(fw, ev.type == SAP_SIM_EV_ENABLE, ev.gen);
		break;
	case SAP_SIM_EV_MSG:
		if (ev.len >= 4 && data[0] == SAP_ME_MSG_START && !data[1] && !data[2] && !data[3])
			xport_check_map(x, fw, ev.gen);
		fw->gen = ev.gen;
		csme_fw_me_rx(fw, data, ev.len, now);
		break;
	default:
		x->events_bad++;
		break;
	}
}

/**
 * csme_xport_events() - read and dispatch pending events
 * @x: transport
 * @fw: firmware
 * @now: current time
 *
 * Return: 0, or -errno when the device failed (the caller closes it).
 */
int csme_xport_events(struct csme_xport *x, struct csme_fw *fw, uint64_t now)
{
	ssize_t n;
	int i;

	for (i = 0; i < XPORT_EVENT_BUDGET && x->fd >= 0; i++) {
		n = read(x->fd, x->evbuf, sizeof(x->evbuf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return 0;
			return -errno;
		}
		if (n == 0)
			return -ENODEV;
		x->events++;
		if ((size_t)n < sizeof(struct sap_sim_event)) {
			x->events_bad++;
			continue;
		}
		xport_event(x, fw, (size_t)n, now);
	}
	return 0;
}

static int xport_write(struct csme_xport *x, const void *buf, size_t len)
{
	ssize_t n;

	do {
		n = write(x->fd, buf, len);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : 0;
}

/**
 * csme_xport_me_send() - send or queue one ME-level message
 * @x: transport
 * @buf: message
 * @len: its length, 1..128
 * @mergeable: a doorbell that may be merged with a queued doorbell
 *
 * Return: 0 (sent, queued or merged), -ENOBUFS (queue full), -ENOTCONN,
 * -EINVAL, or the device's error (the message is lost).
 */
int csme_xport_me_send(struct csme_xport *x, const void *buf, size_t len, bool mergeable)
{
	unsigned int tail;
	int r;

	if (x->fd < 0 || !x->attached)
		return -ENOTCONN;
	if (!len || len > CSME_ME_MSG_MAX)
		return -EINVAL;
	if (x->qcount) {
		tail = (x->qhead + x->qcount - 1) % CSME_XQ_LEN;
		if (mergeable && x->qcsa[tail])
			return 0;
	} else {
		r = xport_write(x, buf, len);
		if (r != -EAGAIN) {
			if (r)
				x->dropped++;
			return r;
		}
	}
	if (x->qcount == CSME_XQ_LEN) {
		x->dropped++;
		return -ENOBUFS;
	}
	tail = (x->qhead + x->qcount) % CSME_XQ_LEN;
	memcpy(x->q[tail], buf, len);
	x->qlen[tail] = (uint16_t)len;
	x->qcsa[tail] = mergeable;
	x->qcount++;
	return 0;
}

void csme_xport_flush(struct csme_xport *x)
{
	int r;

	while (x->qcount && x->fd >= 0) {
		r = xport_write(x, x->q[x->qhead], x->qlen[x->qhead]);
		if (r == -EAGAIN)
			return;
		if (r)
			x->dropped++;
		x->qhead = (x->qhead + 1) % CSME_XQ_LEN;
		x->qcount--;
	}
}

short csme_xport_poll_events(const struct csme_xport *x)
{
	return (short)(POLLIN | (x->qcount ? POLLOUT : 0));
}

static void *xport_async_thread(void *arg)
{
	struct csme_xport *x = arg;
	unsigned long req = x->areq == CSME_XA_RESET ? SAP_SIM_IOC_RESET : SAP_SIM_IOC_DETACH;
	int r;
	ssize_t n;

	r = ioctl(x->fd, req) ? -errno : 0;
	__atomic_store_n(&x->ares, r, __ATOMIC_RELEASE);
	do {
		n = write(x->apipe[1], "x", 1);
	} while (n < 0 && errno == EINTR);
	return NULL;
}

/**
 * csme_xport_async() - start SAP_SIM_IOC_RESET or _DETACH in a thread
 * @x: transport
 * @op: which one
 *
 * Completion: csme_xport_async_collect() once x->apipe[0] is readable.
 *
 * Return: 0, -EBUSY, -ENOTCONN or the thread creation error.
 */
int csme_xport_async(struct csme_xport *x, enum csme_xport_async op)
{
	int r;

	if (x->abusy)
		return -EBUSY;
	if (x->fd < 0 || !x->attached)
		return -ENOTCONN;
	x->areq = op;
	x->ares = 0;
	r = pthread_create(&x->athread, NULL, xport_async_thread, x);
	if (r)
		return -r;
	x->abusy = true;
	return 0;
}

/* Return 1 with @op/@err filled when an asynchronous ioctl finished, else 0. */
int csme_xport_async_collect(struct csme_xport *x, enum csme_xport_async *op, int *err)
{
	char c;

	if (!x->abusy || read(x->apipe[0], &c, 1) != 1)
		return 0;
	pthread_join(x->athread, NULL);
	x->abusy = false;
	*op = (enum csme_xport_async)x->areq;
	*err = __atomic_load_n(&x->ares, __ATOMIC_ACQUIRE);
	if (*op == CSME_XA_DETACH && !*err)
		x->attached = false;
	return 1;
}
