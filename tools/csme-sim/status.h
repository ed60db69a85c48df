/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: what CSME believes (status.c), as "key value" lines or JSON,
 * and the names of its states.
 */
#ifndef CSME_STATUS_H
#define CSME_STATUS_H

#include <stdbool.h>
#include <stdint.h>
#include "sap_fw.h"
#include "print.h"

/**
 * struct csme_daemon_info - what the daemon adds to the firmware's status
 * @dev: the character device
 * @ifname: the host's WLAN interface
 * @port_open: CSME's me port is open
 * @clients: control clients connected
 * @uptime_ms: since the daemon started
 * @dev_events: events read from the device
 * @dev_events_bad: ... of them malformed
 * @me_dropped: ME-level messages for the host dropped by the transport
 */
struct csme_daemon_info {
	const char *dev;
	const char *ifname;
	bool port_open;
	unsigned int clients;
	uint64_t uptime_ms;
	uint64_t dev_events;
	uint64_t dev_events_bad;
	uint64_t me_dropped;
};

void csme_status(const struct csme_fw *fw, const struct csme_daemon_info *di, struct out *o);

#endif /* CSME_STATUS_H */
