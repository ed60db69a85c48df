/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SAP transports: how sap_host reaches the CSME firmware.
 *
 * A transport stands for the MEI client device of the WLAN/SAP client. It
 * maps the shared area, enables the client, carries ME-level messages (START,
 * START_OK, CHECK_SHARED_AREA) both ways and tells sap_host when the client
 * appears and disappears. Two exist: sap_mei_cl (the real MEI client bus)
 * and sap_sim (a character device through which a userspace simulator plays
 * the firmware).
 *
 * Calls into the transport are made from process context, never with the
 * sap_host mutex held around ->disable() (which waits for receive callbacks
 * in flight).
 */
#ifndef SAP_TRANSPORT_H
#define SAP_TRANSPORT_H

#include <linux/types.h>

struct device;
struct sap_transport;

/* Largest ME-level message a transport must carry in either direction. */
#define SAP_TRANSPORT_MSG_MAX	128

/**
 * struct sap_transport_ops - transport operations
 * @dma_map: map @size bytes (a multiple of 4096) of memory shared with the
 *	firmware; return its kernel address or an ERR_PTR(). The firmware may
 *	refuse a size it did not reserve. Called before @enable.
 * @dma_unmap: undo @dma_map; called after @disable
 * @enable: connect the client; from now on received messages are passed to
 *	sap_host_rx()
 * @disable: disconnect; returns once no sap_host_rx() call is in flight
 * @send: send one ME-level message; may sleep; returns 0 or a negative errno
 */
struct sap_transport_ops {
	void *(*dma_map)(struct sap_transport *t, size_t size);
	void (*dma_unmap)(struct sap_transport *t);
	int (*enable)(struct sap_transport *t);
	void (*disable)(struct sap_transport *t);
	int (*send)(struct sap_transport *t, const void *buf, size_t len);
};

/**
 * struct sap_transport - one firmware client, owned by the transport
 * @ops: operations
 * @dev: device for log messages
 * @name: short name shown in debugfs and traces
 * @host: sap_host's state for this client; set by sap_host_probe()
 */
struct sap_transport {
	const struct sap_transport_ops *ops;
	struct device *dev;
	const char *name;
	void *host;
};

int sap_host_probe(struct sap_transport *t);
void sap_host_remove(struct sap_transport *t);
void sap_host_rx(struct sap_transport *t, const void *buf, size_t len);

#endif /* SAP_TRANSPORT_H */
