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

struct csme_daemon_info {
	const char *dev;
	const char *ifname;
	bool port_open;
	unsigned int clients;
	uint64_t uptime_ms;
};

void csme_status(const struct csme_fw *fw, const struct csme_daemon_info *di, struct out *o);

#endif /* CSME_STATUS_H */
