/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the /dev/sap_sim character device through which the daemon is
 * CSME (transport.c): attach, events, mmap, the ME-level message queue.
 */
#ifndef CSME_TRANSPORT_H
#define CSME_TRANSPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "sap_fw.h"

#define CSME_XQ_LEN		64	/* ME messages waiting for the device */
#define CSME_EV_HDR		16	/* sizeof(struct sap_sim_event) */

/**
 * struct csme_xport - the character device through which we are CSME
 * @path: device path
 * @fd: open file, -1 when closed
 * @attached: SAP_SIM_IOC_ATTACH succeeded
 * @max_map: max_map_size given to ATTACH (0 = any)
 * @map: our mapping of the shared area, NULL if none
 * @map_size: its size
 * @map_gen: generation of the MAP event it came from
 * @q: ME messages not yet accepted by the device (EAGAIN)
 * @qlen: their lengths
 * @qcsa: the entry is a mergeable doorbell
 * @qhead: first entry
 * @qcount: entries
 * @dropped: messages dropped (queue full or device error)
 * @apipe: completion pipe of the asynchronous ioctl thread
 * @athread: that thread
 * @abusy: an asynchronous ioctl is running
 * @areq: its request
 * @ares: its result (0 or -errno), valid once signalled on @apipe
 * @events: events read
 * @events_bad: malformed events
 * @evbuf: read buffer for one event
 */
struct csme_xport {
	const char *path;
	int fd;
	bool attached;
	uint32_t max_map;
	void *map;
	uint32_t map_size;
	uint32_t map_gen;
	uint8_t q[CSME_XQ_LEN][CSME_ME_MSG_MAX];
	uint16_t qlen[CSME_XQ_LEN];
	bool qcsa[CSME_XQ_LEN];
	unsigned int qhead;
	unsigned int qcount;
	uint64_t dropped;
	int apipe[2];
	pthread_t athread;
	bool abusy;
	int areq;
	int ares;
	uint64_t events;
	uint64_t events_bad;
	uint8_t evbuf[CSME_EV_HDR + CSME_ME_MSG_MAX] __attribute__((aligned(8)));
};

enum csme_xport_async {
	CSME_XA_RESET,
	CSME_XA_DETACH,
};

int csme_xport_init(struct csme_xport *x, const char *path, uint32_t max_map);
int csme_xport_open(struct csme_xport *x, struct csme_fw *fw);
void csme_xport_close(struct csme_xport *x, struct csme_fw *fw);
int csme_xport_events(struct csme_xport *x, struct csme_fw *fw, uint64_t now);
int csme_xport_me_send(struct csme_xport *x, const void *buf, size_t len, bool mergeable);
void csme_xport_flush(struct csme_xport *x);
short csme_xport_poll_events(const struct csme_xport *x);
int csme_xport_async(struct csme_xport *x, enum csme_xport_async op);
int csme_xport_async_collect(struct csme_xport *x, enum csme_xport_async *op, int *err);
void csme_xport_fini(struct csme_xport *x);

#endif /* CSME_TRANSPORT_H */
