/* SPDX-License-Identifier: GPL-2.0 */
/*
 * csme-sim: the data path (data.c): SAP DATA_PACKET <-> amt_net, the
 * filters CSME asks for, and CSME's own radio port (the NIC's me port).
 */
#ifndef CSME_DATA_H
#define CSME_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "sap_fw.h"

void csme_data_rx(struct csme_fw *fw, const struct sap_msg *m);
void csme_data_net_init(struct csme_fw *fw, struct amt_net *net, uint64_t isn_seed);
void csme_data_tx_retry(struct csme_fw *fw);
void csme_port_rx(struct csme_fw *fw, const uint8_t *frame, size_t len);
void csme_build_filters(const struct csme_fw *fw, struct sap_filters *f);
int csme_send_filters(struct csme_fw *fw);

struct csme_port {
	int fd;
	int ifindex;
	char ifname[CSME_IFNAME_MAX + 4];
	uint64_t next_try_ms;
	uint8_t buf[65536];
};

void csme_port_init(struct csme_port *p, const char *nic_ifname);
void csme_port_close(struct csme_port *p);
void csme_port_try_open(struct csme_port *p, uint64_t now);
void csme_port_read(struct csme_port *p, struct csme_fw *fw);
int csme_port_send(struct csme_port *p, const void *frame, size_t len);
int csme_nic_seize(const char *nic_ifname);

#endif /* CSME_DATA_H */
